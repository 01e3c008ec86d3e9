namespace HybridSim.Bench;

/// <summary>Benchmarks: `dotnet run -c Release --project bench/HybridSim.Bench -- kernel|workloads|pipeline|sweep|functional|gemm|training|recovery|compare`.</summary>
/// <remarks>A dispatcher only: each benchmark lives in its own class file and adds one line below.</remarks>
public static class Program
{
    public static int Main(string[] args)
    {
        var verb = args.Length == 0 ? string.Empty : args[0];
        var rest = args.Length == 0 ? [] : args[1..];
        switch (verb)
        {
            case "kernel":
                return KernelBenchmark.Run(rest);
            case "workloads":
                return WorkloadsBenchmark.Run(rest);
            case "pipeline":
                return PipelineBenchmark.Run(rest);
            case "sweep":
                return SweepBenchmark.Run(rest);
            case "functional":
                return FunctionalBenchmark.Run(rest);
            case "gemm":
                return EngineBenchmark.RunGemm(rest);
            case "training":
                return EngineBenchmark.RunTraining(rest);
            case "recovery":
                return RecoveryBenchmark.Run(rest);
            case "compare":
                return CompareBenchmark.Run(rest);
            default:
                Console.Error.WriteLine("usage: HybridSim.Bench kernel|workloads|pipeline|sweep|functional|gemm|training|recovery|compare [options]");
                return 2;
        }
    }
}
