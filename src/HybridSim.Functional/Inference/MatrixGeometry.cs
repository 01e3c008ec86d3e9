namespace HybridSim.Functional.Inference;

/// <summary>
/// A weight matrix applied as a sliding window over a Channels × Height × Width tensor. A fully connected layer is
/// the window of its whole (flattened) input: kernel Height × Width, one output position; the flattened vector has
/// the tensor's layout, so one formulation serves both.
/// </summary>
public sealed record MatrixGeometry(
    int Channels,
    int Height,
    int Width,
    int KernelHeight,
    int KernelWidth,
    int Stride,
    int Padding,
    int Groups,
    int OutChannels,
    int OutHeight,
    int OutWidth)
{
    public int ChannelsPerGroup => Channels / Groups;

    public int OutputsPerGroup => OutChannels / Groups;

    public int Positions => OutHeight * OutWidth;

    public int InputSize => Channels * Height * Width;

    public int OutputSize => OutChannels * Positions;

    /// <summary>
    /// Index of weight (output o, input channel c, kernel offset ky, kx) in the PyTorch layout out × in/groups × kh × kw
    /// (an fc's out × in is the same with kh, kw = the input's height and width); -1 when c is outside o's group.
    /// </summary>
    public int WeightIndex(int o, int c, int ky, int kx)
    {
        var g = o / OutputsPerGroup;
        var cl = c - (g * ChannelsPerGroup);
        if (cl < 0 || cl >= ChannelsPerGroup)
        {
            return -1;
        }

        return (((o * ChannelsPerGroup) + cl) * KernelHeight + ky) * KernelWidth + kx;
    }
}
