using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;

namespace HybridSim.Sweeps.Tests;

/// <summary>
/// Stands in for the simulator: a report computed from the point by simple formulas that tests can check by hand.
/// freeze-x: dynamic energy 1000·(1 − 0.04x)·s pJ (0.03x for an architecture path containing "64"), latency 500 + 10x ns, area 2 + 0.1x mm², SRAM fraction 1 − x/20;
/// rank r: dynamic energy 500·(1 + r/16)·s pJ, latency 400 + r ns, area 3·(1 + r/32) mm², SRAM fraction r/(r+16);
/// s = 2 when an override says scale=2 (any "scale=V" sets s = V). ANL = latency (ms) × area. Dynamic energy by component:
/// analog.adc 5x pJ (100 for rank), noc.router 10 pJ, digital.mvmu the rest; leakage 5 pJ: analog.adc 1, digital.edram 3,
/// noc.router 1; one statistic, energy_per_inference_pj = total energy.
/// </summary>
internal sealed class FakeSimulator
{
    private readonly ConcurrentQueue<string> _ran = new();

    /// <summary>Points for which Run throws (the point fails; the sweep goes on).</summary>
    public Func<SweepPoint, bool> FailWhen { get; init; } = _ => false;

    /// <summary>Called before each run (e.g. to cancel the sweep midway or to sleep).</summary>
    public Action<SweepPoint> BeforeRun { get; init; } = _ => { };

    public IReadOnlyCollection<string> Ran => _ran;

    public SweepBackend Backend(string modelVersion = "test-model") => new(
        Run,
        path => File.Exists(path) ? PointKey.FileDigest(path) : "no-file:" + path,
        workload => "workload:" + workload,
        modelVersion);

    /// <summary>A backend with an accuracy half: freeze-x accuracy 0.98 − 0.002x² after recovery, 0.98 − 0.005x² before;
    /// rank r: 0.96 + 0.005r after, 0.96 before; float 0.985, quantized (variation-free) 0.98; std 0.001.</summary>
    public SweepBackend AccuracyBackend(string modelVersion = "test-model") => Backend(modelVersion) with
    {
        MeasureAccuracy = (point, _) => Accuracy(point),
        AccuracyFingerprint = "weights=fake\ndata=fake\n",
    };

    /// <summary>Points whose accuracy half throws.</summary>
    public Func<SweepPoint, bool> FailAccuracyWhen { get; init; } = _ => false;

    public IReadOnlyDictionary<string, double> Accuracy(SweepPoint point)
    {
        if (FailAccuracyWhen(point))
        {
            throw new InvalidOperationException($"fake accuracy failure at {point.Label}");
        }

        var partition = point.Partition ?? PartitionSpec.Freeze(10);
        var v = partition.Value;
        var (after, before) = partition.Kind == PartitionKind.Freeze ? (0.98 - (0.002 * v * v), 0.98 - (0.005 * v * v)) : (0.96 + (0.005 * v), 0.96);
        return new Dictionary<string, double>
        {
            ["accuracy"] = after,
            ["accuracy_std"] = 0.001,
            ["accuracy_before_recovery"] = before,
            ["accuracy_before_recovery_std"] = 0.001,
            ["float_accuracy"] = 0.985,
            ["quantized_accuracy"] = 0.98,
        };
    }

    public RunReport Run(SweepPoint point)
    {
        BeforeRun(point);
        if (FailWhen(point))
        {
            throw new InvalidOperationException($"fake failure at {point.Label}");
        }

        _ran.Enqueue(point.Key);
        var scale = point.Overrides.Where(o => o.StartsWith("scale=", StringComparison.Ordinal))
            .Select(o => double.Parse(o["scale=".Length..], CultureInfo.InvariantCulture)).DefaultIfEmpty(1).Last();
        var partition = point.Partition ?? PartitionSpec.Freeze(10);
        double dynamic, latency, area, sram;
        if (partition.Kind == PartitionKind.Freeze)
        {
            var x = partition.Value;
            dynamic = 1000 * (1 - (point.ArchitecturePath.Contains("64", StringComparison.Ordinal) ? 0.03 : 0.04) * x) * scale;
            latency = 500 + 10 * x;
            area = 2 + 0.1 * x;
            sram = 1 - x / 20.0;
        }
        else
        {
            var r = partition.Value;
            dynamic = 500 * (1 + r / 16.0) * scale;
            latency = 400 + r;
            area = 3 * (1 + r / 32.0);
            sram = r / (r + 16.0);
        }

        var analog = partition.Kind == PartitionKind.Freeze ? 5.0 * partition.Value : 100;
        return new RunReport(
            Path.GetFileNameWithoutExtension(point.ArchitecturePath),
            point.Workload,
            new PartitionReport(partition.Kind == PartitionKind.Freeze ? "freeze" : "rank", partition.Value)
            {
                ClampedLayers = partition.Kind == PartitionKind.Rank && partition.Value > 8 ? ["fc"] : [],
            },
            (long)latency,
            latency,
            1e9,
            dynamic,
            5,
            dynamic + 5,
            area,
            latency * 1e-6 * area,
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, double> { ["analog.adc"] = analog, ["digital.mvmu"] = dynamic - analog - 10, ["noc.router"] = 10 }),
            ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, double> { ["tiles"] = area }),
            [],
            sram,
            new SimulatorReport(1000 + (long)latency, 0.01))
        {
            LeakageByComponentPj = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, new Dictionary<string, double> { ["analog.adc"] = 1, ["digital.edram"] = 3, ["noc.router"] = 1 }),
            // Named like a component column (energy_..._pj) but a statistic: the breakdown must not stack it.
            Extra = ImmutableSortedDictionary<string, double>.Empty.Add("energy_per_inference_pj", dynamic + 5),
            // Rank r: r / 32 of the SRAM macros filled, and a rank above 8 clamps the (pretend) fc.
            SramUtilization = partition.Kind == PartitionKind.Rank ? partition.Value / 32.0 : 0,
        };
    }
}
