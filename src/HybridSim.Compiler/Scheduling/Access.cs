using HybridSim.Compiler.Dataflow;

namespace HybridSim.Compiler.Scheduling;

/// <summary>Channels of a pixel in a ring that an instruction touches: a read (Consumers &lt; 0) needs them present; a write needs their words free and leaves them with Consumers reads.</summary>
internal readonly record struct Access(TensorBuffer Buffer, int Pixel, int Channel, int Length, int Consumers)
{
    /// <summary>The Consumers value that marks a read.</summary>
    private const int ReadMarker = -1;

    public bool IsRead => Consumers < 0;

    /// <summary>A read of channels that must be present.</summary>
    public static Access Read(TensorBuffer buffer, int pixel, int channel, int length) => new(buffer, pixel, channel, length, ReadMarker);

    /// <summary>A write that leaves its words with <paramref name="consumers"/> reads to come.</summary>
    public static Access Write(TensorBuffer buffer, int pixel, int channel, int length, int consumers)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(consumers);
        return new(buffer, pixel, channel, length, consumers);
    }
}
