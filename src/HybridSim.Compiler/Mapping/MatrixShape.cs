namespace HybridSim.Compiler.Mapping;

/// <summary>
/// A weight matrix seen from its input window: a Kh × Kw window over Channels input channels, Groups groups
/// (block-diagonal when Groups &gt; 1), OutChannels outputs. A fully connected layer is a window over its whole input.
/// </summary>
public sealed record MatrixShape(int KernelHeight, int KernelWidth, int Channels, int Groups, int OutChannels)
{
    public int ChannelsPerGroup => Channels / Groups;

    public int OutputsPerGroup => OutChannels / Groups;

    /// <summary>Matrix rows: Kh·Kw·Cin/groups.</summary>
    public int Rows => KernelHeight * KernelWidth * ChannelsPerGroup;

    public long Weights => (long)Rows * OutChannels;
}
