namespace HybridSim.Bench;

/// <summary>Benchmarks: `dotnet run -c Release --project bench/HybridSim.Bench -- kernel|workloads|sweep`.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("usage: HybridSim.Bench kernel|workloads|sweep");
        return args.Length == 0 ? 2 : 2;
    }
}
