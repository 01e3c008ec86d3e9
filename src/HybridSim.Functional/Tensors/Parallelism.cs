namespace HybridSim.Functional.Tensors;

/// <summary>
/// The one place the numerical engine goes parallel. Work is always cut into chunks whose boundaries depend only on
/// the problem size, never on the thread count, so results are bitwise identical however many threads run them.
/// </summary>
internal static class Parallelism
{
    /// <summary>Upper bound on worker threads (-1: the runtime's default). Tests set 1 to check determinism.</summary>
    internal static int MaxDegreeOfParallelism { get; set; } = -1;

    /// <summary>Runs <paramref name="body"/> for chunk indices 0..count-1, in parallel when worthwhile.</summary>
    internal static void For(int count, Action<int> body)
    {
        if (count <= 0)
        {
            return;
        }

        if (count == 1 || MaxDegreeOfParallelism == 1 || Environment.ProcessorCount == 1)
        {
            for (var i = 0; i < count; i++)
            {
                body(i);
            }

            return;
        }

        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = MaxDegreeOfParallelism }, body);
    }

    /// <summary>Fixed chunks of at most <paramref name="chunkSize"/> items: (start, length) of chunk i.</summary>
    internal static (int Start, int Length) Chunk(int total, int chunkSize, int index)
    {
        var start = index * chunkSize;
        return (start, Math.Min(chunkSize, total - start));
    }

    internal static int ChunkCount(int total, int chunkSize) => (total + chunkSize - 1) / chunkSize;
}
