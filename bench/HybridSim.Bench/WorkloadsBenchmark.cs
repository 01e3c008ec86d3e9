using System.Diagnostics;
using System.Globalization;
using HybridSim.Pipeline;

namespace HybridSim.Bench;

/// <summary>
/// Whole-network simulation speed: runs ResNet-20 (CIFAR) and ResNet-18 (224×224) once each through the full pipeline
/// (load, compile, simulate, measure) and prints simulated events, wall seconds, events per second, simulated MVMs,
/// and the process's peak working set. Targets (issue 5): ResNet-20 under 2 s, ResNet-18-224 under 60 s within 2 GB.
/// </summary>
public static class WorkloadsBenchmark
{
    public static int Run(string[] args)
    {
        var arch = "arch/puma.yaml";
        var workloads = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--arch" && i + 1 < args.Length)
            {
                arch = args[++i];
            }
            else if (args[i] == "--workload" && i + 1 < args.Length)
            {
                workloads.Add(args[++i]);
            }
            else
            {
                Console.Error.WriteLine("usage: HybridSim.Bench workloads [--arch FILE] [--workload NAME]...   (default: arch/puma.yaml, resnet20-cifar and resnet18-imagenet)");
                return 2;
            }
        }

        if (workloads.Count == 0)
        {
            workloads.AddRange(["resnet20-cifar", "resnet18-imagenet"]);
        }

        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv, $"{"workload",-22} {"events",14} {"wall s",8} {"events/s",12} {"mvms",12} {"cycles",14} {"peak MB",8}"));
        foreach (var workload in workloads)
        {
            var watch = Stopwatch.StartNew();
            var outcome = RunPipeline.Run(new RunRequest(arch, [], workload, null));
            watch.Stop();
            var report = outcome.Report;
            var seconds = watch.Elapsed.TotalSeconds;
            var mvms = report.Layers.Sum(l => l.Mvms);
            var peakMb = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
            Console.WriteLine(string.Create(
                inv,
                $"{workload,-22} {report.Simulator.Events,14:N0} {seconds,8:0.000} {report.Simulator.Events / seconds,12:N0} {mvms,12:N0} {report.Cycles,14:N0} {peakMb,8:0}"));
        }

        return 0;
    }
}
