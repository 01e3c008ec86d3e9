namespace HybridSim.Cli;

/// <summary>Entry point of the <c>hybridsim</c> executable: wiring only.</summary>
public static class Program
{
    public static int Main(string[] args) => CommandLineApp.Invoke(args);
}
