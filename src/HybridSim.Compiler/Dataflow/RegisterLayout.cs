namespace HybridSim.Compiler.Dataflow;

/// <summary>
/// Data registers of a core of a matrix operation: an accumulator per column block it holds MVMUs of, a scratch vector
/// for the partial sums (or LoBranch addend) it loads, and the bias of each column block it finishes.
/// </summary>
internal sealed class RegisterLayout
{
    private RegisterLayout()
    {
    }

    public Dictionary<int, int> Accumulators { get; } = [];

    public Dictionary<int, int> Biases { get; } = [];

    public int Scratch { get; private set; } = -1;

    public int Words { get; private set; }

    public static RegisterLayout For(MatrixOperation op, int coreIndex)
    {
        var core = op.Cores[coreIndex];
        var layout = new RegisterLayout();
        var next = core.Registers.DataBase + core.DataOffset;
        var blocks = core.Mvmus.Select(m => m.ColumnBlock).Distinct().ToList();
        var reduced = blocks.Where(j => op.Reducers[j] == coreIndex).ToList();
        foreach (var j in blocks)
        {
            layout.Accumulators[j] = next;
            next += op.Tiling.ColumnBlocks[j].OutCount;
        }

        var loaded = blocks.Where(j => op.Predecessor(j, coreIndex) >= 0 || (op.Addend is not null && op.Reducers[j] == coreIndex)).ToList();
        if (loaded.Count > 0)
        {
            layout.Scratch = next;
            next += loaded.Max(j => op.Tiling.ColumnBlocks[j].OutCount);
        }

        if (op.Bias)
        {
            foreach (var j in reduced)
            {
                layout.Biases[j] = next;
                next += op.Tiling.ColumnBlocks[j].OutCount;
            }
        }

        layout.Words = next - core.Registers.DataBase - core.DataOffset;
        return layout;
    }

    public static int DataWordsNeeded(MatrixOperation op, int coreIndex) => For(op, coreIndex).Words;
}
