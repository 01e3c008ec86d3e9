using HybridSim.Activity;
using HybridSim.Hardware.Network;
using HybridSim.Hardware.Tiles;
using HybridSim.Hardware.Tracing;
using HybridSim.Kernel;

namespace HybridSim.Hardware;

/// <summary>What every unit of one simulated machine shares: the kernel, the ledger, the trace, the network and the tiles.</summary>
public sealed class NodeModel
{
    public NodeModel(Simulation simulation, ActivityLedger ledger, TraceRecorder? trace, int batch)
    {
        Simulation = simulation;
        Ledger = ledger;
        Trace = trace;
        Batch = batch;
        InferenceEnds = new long[batch];
    }

    public Simulation Simulation { get; }

    public ActivityLedger Ledger { get; }

    public TraceRecorder? Trace { get; }

    /// <summary>Inferences streamed through the programs (each program runs this many times).</summary>
    public int Batch { get; }

    /// <summary>Latest finish time of any unit's k-th iteration, per inference k.</summary>
    public long[] InferenceEnds { get; }

    public NocModel Noc { get; set; } = null!;

    public TileModel[] Tiles { get; set; } = [];

    public void EndIteration(int iteration, long time)
    {
        if (time > InferenceEnds[iteration])
        {
            InferenceEnds[iteration] = time;
        }
    }
}
