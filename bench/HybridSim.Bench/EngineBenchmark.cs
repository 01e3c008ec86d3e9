using System.Diagnostics;
using System.Globalization;
using HybridSim.Functional.Data;
using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Functional.Training;
using HybridSim.Specs.Workloads;

namespace HybridSim.Bench;

/// <summary>
/// The numerical engine: <c>gemm</c> measures this machine's peak FMA rate (<see cref="FmaPeak"/>), then prints
/// GFLOP/s of the zoo's conv and fc shapes and of square products with their share of that peak, and ResNet-20
/// inference images/s; <c>training</c> prints LeNet-5 training images/s on synthetic 28×28 data (throughput only). Each figure
/// is the best of a few runs after a warm-up (the machine is shared).
/// </summary>
public static class EngineBenchmark
{
    private const string LeNet5 = """
        name: lenet5
        input: [1, 28, 28]
        layers:
          - {name: conv1, kind: conv, out_channels: 6, kernel: 5, padding: 2, bias: true, activation: relu}
          - {name: pool1, kind: maxpool, kernel: 2}
          - {name: conv2, kind: conv, out_channels: 16, kernel: 5, bias: true, activation: relu}
          - {name: pool2, kind: maxpool, kernel: 2}
          - {name: flatten, kind: flatten}
          - {name: fc1, kind: fc, out_features: 120, activation: relu}
          - {name: fc2, kind: fc, out_features: 84, activation: relu}
          - {name: fc3, kind: fc, out_features: 10}
        """;

    public static int RunGemm(string[] args)
    {
        _ = args;
        var cores = Environment.ProcessorCount;
        var wide = System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated;
        var peakOne = 0.0;
        var peakAll = 0.0;
        foreach (var (bits, threads) in new[] { (256, 1), (256, cores), (512, 1), (512, cores) })
        {
            if (bits == 512 && !wide)
            {
                continue;
            }

            var rate = FmaPeak.Measure(bits == 512, threads);
            Print($"peak FMA, {bits}-bit, {threads} thread{(threads == 1 ? "" : "s")}", rate, "GFLOP/s");
            peakOne = threads == 1 ? Math.Max(peakOne, rate) : peakOne;
            peakAll = threads > 1 ? Math.Max(peakAll, rate) : peakAll;
        }

        // The zoo's shapes: ResNet-20's per-image convs (out channels x positions x Kh*Kw*Cin) on one thread, as the
        // forward pass runs them (one image per core), and large products split across cores.
        foreach (var (m, n, k, parallel) in new[]
        {
            (16, 1024, 144, false), (32, 256, 288, false), (64, 64, 576, false), (64, 512, 784, true),
            (512, 512, 512, true), (1024, 1024, 1024, true),
        })
        {
            var a = Fill(m * k);
            var b = Fill(k * n);
            var c = new float[m * n];
            var seconds = Best(() => Gemm.Multiply(a, false, b, false, c, m, n, k, false, parallel), 1e9 / ((double)m * n * k));
            var rate = 2.0 * m * n * k / seconds / 1e9;
            var share = rate / (parallel ? peakAll : peakOne);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{$"gemm {m}x{n}x{k}, {(parallel ? $"{cores} threads" : "1 thread")}",-40} {rate,10:F1} GFLOP/s  {share,6:P0} of peak"));
        }

        var workload = WorkloadLoader.Load("resnet20-cifar");
        var network = FunctionalNetwork.Create(workload);
        network.Initialize(1);
        const int Batch = 100;
        var input = new Tensor(Batch, 3, 32, 32, Fill(Batch * 3 * 32 * 32));
        var forward = Best(() => network.Forward(input, ForwardMode.Inference), 1);
        Print("resnet20-cifar forward, batch 100", Batch / forward, "images/s");
        var mobile = FunctionalNetwork.Create(WorkloadLoader.Load("mobilenetv2-cifar"));
        mobile.Initialize(1);
        var mobileForward = Best(() => mobile.Forward(input, ForwardMode.Inference), 1);
        Print("mobilenetv2-cifar forward, batch 100", Batch / mobileForward, "images/s");
        return 0;
    }

    public static int RunTraining(string[] args)
    {
        _ = args;
        var network = FunctionalNetwork.Create(WorkloadLoader.Parse(LeNet5, "lenet5.yaml"));
        network.Initialize(1);
        const int Count = 6400;
        var random = new Random(1);
        var labels = Enumerable.Range(0, Count).Select(_ => random.Next(10)).ToArray();
        var data = new Dataset("synthetic", "bench", 1, 28, 28, 10, Fill(Count * 28 * 28), labels);
        var options = TrainingOptions.Default with { Epochs = 1, BatchSize = 64 };
        var seconds = Best(() => Trainer.Train(network, data, null, options), 1);
        Print("lenet5 training, batch 64", Count / seconds, "images/s");
        var resnet = FunctionalNetwork.Create(WorkloadLoader.Load("resnet20-cifar"));
        resnet.Initialize(1);
        const int Images = 640;
        var cifar = new Dataset("synthetic", "bench", 3, 32, 32, 10, Fill(Images * 3 * 32 * 32), labels[..Images]);
        var resnetSeconds = Best(() => Trainer.Train(resnet, cifar, null, options), 1);
        Print("resnet20-cifar training, batch 64", Images / resnetSeconds, "images/s");
        return 0;
    }

    private static double Best(Action action, double repeatsHint)
    {
        action();
        var repeats = Math.Clamp((int)Math.Ceiling(repeatsHint), 1, 1000);
        var best = double.MaxValue;
        for (var r = 0; r < 3; r++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < repeats; i++)
            {
                action();
            }

            best = Math.Min(best, watch.Elapsed.TotalSeconds / repeats);
        }

        return best;
    }

    private static float[] Fill(int length)
    {
        var random = new Random(42);
        var values = new float[length];
        for (var i = 0; i < length; i++)
        {
            values[i] = (float)random.NextDouble();
        }

        return values;
    }

    private static void Print(string what, double value, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{what,-40} {value,10:F1} {unit}"));
}
