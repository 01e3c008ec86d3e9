namespace HybridSim.Functional.Tensors;

/// <summary>
/// Per-thread scratch arrays, grown on demand and never shrunk. Contents are always fully overwritten before being
/// read, so which thread's buffer a chunk gets cannot change a result.
/// </summary>
internal static class Scratch
{
    /// <summary>Packed B panels of <see cref="Gemm"/>.</summary>
    internal const int GemmPack = 0;

    /// <summary>Packed A row blocks of <see cref="Gemm"/>.</summary>
    internal const int GemmPackA = 6;

    /// <summary>im2col of one sample.</summary>
    internal const int Columns = 1;

    /// <summary>Gradient of the im2col matrix of one sample.</summary>
    internal const int ColumnGrad = 2;

    /// <summary>Pre-activation gradient of one sample.</summary>
    internal const int PreGrad = 3;

    /// <summary>LoBranch intermediate (r × positions) and its gradient.</summary>
    internal const int Branch = 4;

    internal const int BranchGrad = 5;

    private const int Slots = 7;

    [ThreadStatic]
    private static float[][]? ThreadBuffers;

    internal static float[] Get(int slot, int length)
    {
        var buffers = ThreadBuffers ??= new float[Slots][];
        var buffer = buffers[slot];
        if (buffer is null || buffer.Length < length)
        {
            buffer = new float[Math.Max(length, (buffer?.Length ?? 0) * 3 / 2)];
            buffers[slot] = buffer;
        }

        return buffer;
    }
}
