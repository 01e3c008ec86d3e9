using System.Collections.Immutable;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Pipeline;

/// <summary>The result of one point: the report plus what it was computed from.</summary>
/// <param name="ResolvedArchitectureYaml">The architecture with every variable, default and override resolved (<c>resolved-arch.yaml</c>).</param>
/// <param name="Partition">The partition that was applied (the request's, or the architecture's default).</param>
/// <param name="TraceSpansDropped">Spans the trace left out to stay bounded (0 without a trace).</param>
public sealed record RunOutcome(
    RunReport Report,
    string ResolvedArchitectureYaml,
    ArchitectureSpec Architecture,
    WorkloadSpec Workload,
    PartitionSpec Partition,
    long TraceSpansDropped);
