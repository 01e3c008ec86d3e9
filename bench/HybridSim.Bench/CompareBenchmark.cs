using System.Diagnostics;
using System.Globalization;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Training;

namespace HybridSim.Bench;

/// <summary>
/// Our float engine beside PyTorch's, in one run on the same machine and thread count: ResNet-20 (CIFAR shape,
/// random weights and data) forward in batches of 64, and training with Adam in batches of 64, as images/s, then the
/// ratios. PyTorch's side is <c>bench/compare/pytorch_resnet20.py</c>, run with Debian's python3-torch
/// (<c>/usr/bin/python3</c>, or the interpreter given as the second argument); without it the verb says so and
/// prints our figures alone.
/// </summary>
public static class CompareBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        var images = args.Length > 0 && int.TryParse(args[0], NumberStyles.Integer, Inv, out var n) ? n : 640;
        var python = args.Length > 1 ? args[1] : "/usr/bin/python3";
        var threads = Environment.ProcessorCount;
        Console.WriteLine(string.Create(Inv, $"ResNet-20 (3x32x32), {images} random images, batches of 64, {threads} threads"));

        var (_, network, data) = RandomResNet20.Create(images);
        var forward = images / BestOf(3, () => FixedPointModel.ForEachBatch(data, 64, (x, _) => network.Forward(x, ForwardMode.Inference)));
        var options = TrainingOptions.Default with { Epochs = 1, BatchSize = 64, Optimizer = OptimizerKind.Adam };
        var training = images / BestOf(3, () => Trainer.Train(network, data, null, options));
        Console.WriteLine(string.Create(Inv, $"hybridsim forward  {forward,8:0.0} images/s"));
        Console.WriteLine(string.Create(Inv, $"hybridsim training {training,8:0.0} images/s"));

        var script = Path.Combine(AppContext.BaseDirectory, "compare", "pytorch_resnet20.py");
        var torch = RunPyTorch(python, script, threads, images);
        if (torch is null)
        {
            return 0;
        }

        Console.WriteLine(torch.Value.Version);
        Console.WriteLine(string.Create(Inv, $"pytorch forward    {torch.Value.Forward,8:0.0} images/s   hybridsim/pytorch {forward / torch.Value.Forward,5:0.00}"));
        Console.WriteLine(string.Create(Inv, $"pytorch training   {torch.Value.Training,8:0.0} images/s   hybridsim/pytorch {training / torch.Value.Training,5:0.00}"));
        return 0;
    }

    private static (string Version, double Forward, double Training)? RunPyTorch(string python, string script, int threads, int images)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { script, threads.ToString(Inv), images.ToString(Inv) })
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            double Figure(string key) => double.Parse(lines.First(l => l.StartsWith(key + " ", StringComparison.Ordinal))[(key.Length + 1)..], Inv);
            if (process.ExitCode != 0 || lines.Length < 3)
            {
                Console.WriteLine($"pytorch: {python} {script} failed (exit {process.ExitCode}): {error.Trim()}");
                return null;
            }

            return (lines[0], Figure("forward"), Figure("training"));
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Console.WriteLine($"pytorch: cannot run {python} ({e.Message}); install Debian's python3-torch to compare");
            return null;
        }
    }

    private static double BestOf(int runs, Action body)
    {
        body(); // untimed: the JIT's optimized tier
        var best = double.MaxValue;
        for (var r = 0; r < runs; r++)
        {
            var clock = Stopwatch.StartNew();
            body();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }

        return best;
    }
}
