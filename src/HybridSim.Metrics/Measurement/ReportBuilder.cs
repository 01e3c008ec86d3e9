using System.Collections.Immutable;
using HybridSim.Activity;
using HybridSim.Metrics.Energy;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;
using Si = HybridSim.Specs.Units.Si;

namespace HybridSim.Metrics.Measurement;

/// <summary>
/// Computes the report of one run: latency, energy (dynamic and leakage, by component and by layer), ANL,
/// SRAM weight fraction, utilizations and, for a batch, throughput and the steady-state interval.
/// </summary>
public static class ReportBuilder
{
    public static RunReport Build(RunMeasurement m)
    {
        var arch = m.Architecture;
        var ledger = m.Ledger;
        var energy = EnergyModel.Compute(arch, ledger);
        var latencyNs = m.Cycles * Si.NanosecondsPerSecond / arch.ClockHz;
        var anl = Si.MillisecondsFromNanoseconds(latencyNs) * m.AreaMm2;

        var extra = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var (k, v) in m.HardwareStatistics)
        {
            extra[k] = v;
        }

        var endPs = Math.Max(1, ledger.EndPicoseconds);
        foreach (var unit in Enum.GetValues<UnitKind>())
        {
            var units = ledger.Units(unit);
            if (units > 0)
            {
                extra["utilization_" + Snake(unit.ToString())] = ledger.BusyTime(unit) / ((double)units * endPs);
            }
        }

        extra["batch"] = m.Batch;
        extra["energy_per_inference_pj"] = Si.Picojoules(energy.TotalJoules) / m.Batch;
        extra["throughput_inferences_per_s"] = m.Batch / Si.SecondsFromNanoseconds(latencyNs);
        var ends = ledger.InferenceEnds;
        if (ends.Count > 0)
        {
            extra["first_inference_latency_ns"] = Si.NanosecondsFromPicoseconds(ends[0]);
        }

        if (ends.Count > 1)
        {
            var interval = Si.NanosecondsFromPicoseconds((ends[^1] - ends[0]) / (double)(ends.Count - 1));
            extra["steady_state_interval_ns"] = interval;
            extra["steady_state_throughput_inferences_per_s"] = interval > 0 ? Si.PerSecondFromNanoseconds(interval) : 0;
        }

        if (!energy.UncostedComponents.IsEmpty)
        {
            extra["uncosted_components"] = energy.UncostedComponents.Length;
        }

        return new RunReport(
            arch.Name,
            m.Workload.Name,
            new PartitionReport(m.Partition.Kind == PartitionKind.Freeze ? "freeze" : "rank", m.Partition.Value) { ClampedLayers = m.ClampedLayers },
            m.Cycles,
            latencyNs,
            arch.ClockHz,
            Si.Picojoules(energy.DynamicJoules),
            Si.Picojoules(energy.LeakageJoules),
            Si.Picojoules(energy.TotalJoules),
            m.AreaMm2,
            anl,
            energy.DynamicByComponentJoules.ToImmutableSortedDictionary(kv => kv.Key, kv => Si.Picojoules(kv.Value), StringComparer.Ordinal),
            m.AreaByComponentMm2,
            Layers(m, energy),
            SramWeightFraction(m.Matrices),
            new SimulatorReport(m.Events, m.WallSeconds))
        {
            LeakageByComponentPj = energy.LeakageByComponentJoules.ToImmutableSortedDictionary(kv => kv.Key, kv => Si.Picojoules(kv.Value), StringComparer.Ordinal),
            Extra = extra.ToImmutableSortedDictionary(StringComparer.Ordinal),
            SramUtilization = SramUtilization(m.Matrices, m.SramCapacityWeights),
        };
    }

    /// <summary>Weights of the digital (SRAM) matrices / the weight capacity of the SRAM-CIM macros placed; 0 without SRAM.</summary>
    public static double SramUtilization(ImmutableArray<MappedMatrix> matrices, long capacityWeights)
    {
        var held = matrices.Where(x => x.Placement == TileKind.Digital).Sum(x => x.Weights);
        return capacityWeights <= 0 ? 0 : held / (double)capacityWeights;
    }

    /// <summary>SRAM weights / all weights, over every mapped matrix (LoBranch A and B count as SRAM weights).</summary>
    public static double SramWeightFraction(ImmutableArray<MappedMatrix> matrices)
    {
        long all = 0, sram = 0;
        foreach (var matrix in matrices)
        {
            all += matrix.Weights;
            if (matrix.Placement == TileKind.Digital)
            {
                sram += matrix.Weights;
            }
        }

        return all == 0 ? 0 : sram / (double)all;
    }

    private static ImmutableArray<LayerReport> Layers(RunMeasurement m, EnergyBreakdown energy)
    {
        var layers = m.Workload.Layers;
        var builder = ImmutableArray.CreateBuilder<LayerReport>(layers.Length);
        for (var i = 0; i < layers.Length; i++)
        {
            var layer = layers[i];
            var matrices = m.Matrices.Where(x => x.LayerIndex == i).ToList();
            var main = matrices.FirstOrDefault(x => !x.IsBranch) ?? matrices.FirstOrDefault();
            var placement = main is null ? "none" : main.Placement == TileKind.Analog ? "analog" : "digital";
            var span = i < m.Ledger.LayerCount ? m.Ledger.LayerSpan(i) : null;
            builder.Add(new LayerReport(
                layer.Name,
                Snake(layer.Kind.ToString()),
                placement,
                matrices.Sum(x => x.Mvmus),
                matrices.Sum(x => x.Mvms),
                span is { } s ? Si.NanosecondsFromPicoseconds(s.Start) : 0,
                span is { } e ? Si.NanosecondsFromPicoseconds(e.End) : 0,
                i < energy.DynamicByLayerJoules.Length ? Si.Picojoules(energy.DynamicByLayerJoules[i]) : 0));
        }

        return builder.MoveToImmutable();
    }

    private static string Snake(string pascal)
    {
        var sb = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
