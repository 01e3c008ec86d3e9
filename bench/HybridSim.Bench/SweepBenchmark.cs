using System.Diagnostics;
using System.Globalization;
using HybridSim.Sweeps;

namespace HybridSim.Bench;

/// <summary>
/// Sweep throughput: the README's main command, the ResNet-20 freeze-x sweep (x = 0..20) on the four HyperX
/// architectures, 84 points, from scratch in a temporary folder with every core. Prints wall seconds, points per
/// second and the process's peak working set. Target (issue 6): under a minute on the 2-core machine.
/// </summary>
public static class SweepBenchmark
{
    public static int Run(string[] args)
    {
        var architectures = new List<string>();
        var workload = "resnet20-cifar";
        int? to = null;
        var jobs = Environment.ProcessorCount;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--arch" when i + 1 < args.Length:
                    architectures.Add(args[++i]);
                    break;
                case "--workload" when i + 1 < args.Length:
                    workload = args[++i];
                    break;
                case "--to" when i + 1 < args.Length:
                    to = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--jobs" when i + 1 < args.Length:
                    jobs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    Console.Error.WriteLine("usage: HybridSim.Bench sweep [--arch FILE]... [--workload NAME] [--to X] [--jobs N]   (default: the four arch/hyperx-*.yaml, resnet20-cifar, x = 0..weight layers, all cores)");
                    return 2;
            }
        }

        if (architectures.Count == 0)
        {
            architectures.AddRange(["arch/hyperx-128-16b.yaml", "arch/hyperx-128-8b.yaml", "arch/hyperx-64-16b.yaml", "arch/hyperx-64-8b.yaml"]);
        }

        var directory = Directory.CreateTempSubdirectory("hybridsim-bench-sweep-").FullName;
        try
        {
            var backend = PipelineBackend.Create();
            var plan = SweepDefinition.Freeze(architectures, workload, [], 0, to ?? HybridSim.Specs.Workloads.WorkloadLoader.Load(workload).WeightLayerCount).Expand(backend);
            var watch = Stopwatch.StartNew();
            var result = new SweepRunner(backend, new ConsoleSweepProgress(Console.Out, live: false)).Run(plan, directory, ShardSpec.All, jobs);
            var table = SweepOutput.Write(directory, plan, key => SweepRunner.TryReadPoint(directory, key));
            watch.Stop();
            var inv = CultureInfo.InvariantCulture;
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            Console.WriteLine(string.Create(inv, $"{"points",8} {"rows",6} {"jobs",5} {"wall s",8} {"points/s",9} {"peak MB",8} {"failed",7}"));
            Console.WriteLine(string.Create(inv, $"{plan.Points.Length,8} {table.Table.Rows.Length,6} {jobs,5} {watch.Elapsed.TotalSeconds,8:0.00} {plan.Points.Length / watch.Elapsed.TotalSeconds,9:0.00} {peakMb,8:0} {result.Failures.Length,7}"));
            return result.Failures.IsEmpty ? 0 : 1;
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
