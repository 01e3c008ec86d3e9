namespace HybridSim.Metrics.Reports;

/// <summary>
/// About the simulation itself, written as the report's <c>simulator</c> object: events processed, wall time and, for a
/// traced run, the trace's span counts. The only part of a report allowed to differ between runs of the same point
/// (wall time between any two, the trace counts between a traced and an untraced one).
/// </summary>
public sealed record SimulatorReport(long Events, double WallSeconds)
{
    /// <summary>Spans the <c>--trace</c> timeline holds (<c>trace_spans</c>); null for an untraced run.</summary>
    public long? TraceSpans { get; init; }

    /// <summary>Spans left out of a bounded trace (<c>trace_dropped_spans</c>); null for an untraced run.</summary>
    public long? TraceDroppedSpans { get; init; }
}
