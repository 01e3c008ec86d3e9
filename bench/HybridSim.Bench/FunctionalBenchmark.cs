using System.Diagnostics;
using System.Globalization;
using HybridSim.Compiler.Partitioning;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Architecture;

namespace HybridSim.Bench;

/// <summary>
/// Speed of the functional (accuracy) model: the GEMM rate of this machine, then ResNet-20 (CIFAR shape, random
/// weights and inputs: speed does not depend on the values' meaning) in float, on the fast path and on the exact
/// bit-serial path at 8 and 16 bits, as images/s and as GFLOP/s of the network's multiply-adds. Targets (issue 11):
/// 10,000 images in under 2 minutes on the fast path, under 20 minutes on the exact 8-bit path.
/// </summary>
public static class FunctionalBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var images = args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, Inv, out var n) ? n : 64;
        Console.WriteLine(string.Create(Inv, $"{Environment.ProcessorCount} cores; {images} images per measurement"));
        Console.WriteLine(string.Create(Inv, $"GEMM 1024x1024x1024 float: {GemmRate():0.0} GFLOP/s"));

        var (workload, network, data) = RandomResNet20.Create(images);
        var flops = 2.0 * workload.WeightLayers.Sum(l => l.WeightCount * l.OutputShape.Height * l.OutputShape.Width);
        Console.WriteLine(string.Create(Inv, $"ResNet-20: {flops / 1e6:0.0} MFLOP per image (multiply-adds x 2)"));
        Report("float forward", images, flops, () => FixedPointModel.ForEachBatch(data, 64, (x, _) => network.Forward(x, ForwardMode.Inference)));

        foreach (var (file, path) in new[] { ("hyperx-128-8b.yaml", InferencePath.Fast), ("hyperx-128-16b.yaml", InferencePath.Fast), ("hyperx-128-8b.yaml", InferencePath.Exact), ("hyperx-128-16b.yaml", InferencePath.Exact) })
        {
            var arch = ArchitectureLoader.Load(Path.Combine("arch", file));
            var plan = PartitionPlanner.Plan(arch, workload, PartitionSpec.Freeze(workload.WeightLayerCount));
            var model = FixedPointModel.Prepare(arch, network, plan, data);
            var chip = model.Program(1, path);
            Report($"{file} all-RRAM, {(path == InferencePath.Exact ? "exact" : "fast")} path", images, flops,
                () => FixedPointModel.ForEachBatch(data, 64, (x, start) => model.Forward(x, chip, path, start)));
        }

        return 0;
    }

    private static void Report(string what, int images, double flops, Action body)
    {
        body(); // once untimed, so the measurement sees optimized code, not the JIT's first tier
        var clock = Stopwatch.StartNew();
        body();
        var seconds = clock.Elapsed.TotalSeconds;
        var perSecond = images / seconds;
        Console.WriteLine(string.Create(Inv, $"{what,-40} {perSecond,8:0.0} images/s  {flops * perSecond / 1e9,6:0.00} GFLOP/s  10,000 images in {10_000 / perSecond,7:0} s"));
    }

    private static double GemmRate()
    {
        const int size = 1024;
        var a = new float[size * size];
        var b = new float[size * size];
        var c = new float[size * size];
        var random = new Random(3);
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = (float)random.NextDouble();
            b[i] = (float)random.NextDouble();
        }

        Gemm.Multiply(a, false, b, false, c, size, size, size, false);
        const int repeats = 5;
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < repeats; r++)
        {
            Gemm.Multiply(a, false, b, false, c, size, size, size, false);
        }

        return repeats * 2.0 * size * size * size / clock.Elapsed.TotalSeconds / 1e9;
    }
}
