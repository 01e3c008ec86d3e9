using System.Diagnostics;
using System.Globalization;
using HybridSim.Hardware;
using HybridSim.Hardware.Tests;

namespace HybridSim.Bench;

/// <summary>
/// The hardware simulator alone, on the hardware tests' synthetic pipeline (64 tiles × 4 cores, 200 vectors): prints
/// simulated events, wall seconds, events per second, MVMs and cycles; the best of a few runs after a warm-up.
/// </summary>
public static class PipelineBenchmark
{
    public static int Run(string[] args)
    {
        _ = args;
        var arch = TestMachines.Architecture();
        var program = SyntheticPipeline.Build(arch, tiles: 64, vectors: 200, coresPerTile: 4);
        HardwareSimulator.Run(SyntheticPipeline.Build(arch, tiles: 16, vectors: 50, coresPerTile: 4)); // warm-up (JIT)
        var best = double.MaxValue;
        SimulationResult? result = null;
        for (var run = 0; run < 3; run++)
        {
            var watch = Stopwatch.StartNew();
            result = HardwareSimulator.Run(program);
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"pipeline: {result!.Events} events, {best:0.000} s, {result.Events / best:N0} events/s, {64 * 200} MVMs, {result.Cycles} cycles"));
        return 0;
    }
}
