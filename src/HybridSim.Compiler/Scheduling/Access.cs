using HybridSim.Compiler.Dataflow;

namespace HybridSim.Compiler.Scheduling;

/// <summary>Channels of a pixel in a ring that an instruction touches: a read (Consumers &lt; 0) needs them present; a write needs their words free and leaves them with Consumers reads.</summary>
internal readonly record struct Access(TensorBuffer Buffer, int Pixel, int Channel, int Length, int Consumers)
{
    public bool IsRead => Consumers < 0;
}
