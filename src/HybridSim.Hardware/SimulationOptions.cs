using HybridSim.Hardware.Tracing;

namespace HybridSim.Hardware;

/// <summary>How to run a compiled program.</summary>
/// <param name="Batch">Inferences streamed through the pipeline: every core and tile program runs this many times and the
/// input tile's initial data is provided again as soon as the previous copy has been consumed.</param>
/// <param name="Trace">Collects a timeline when not null.</param>
public sealed record SimulationOptions(int Batch = 1, TraceRecorder? Trace = null)
{
    /// <summary>Most inferences one run streams (each re-runs every program; the run keeps one end time per inference).</summary>
    public const int MaxBatch = 100_000;
}
