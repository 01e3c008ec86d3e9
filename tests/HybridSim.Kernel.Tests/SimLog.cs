using System.Globalization;

namespace HybridSim.Kernel.Tests;

/// <summary>SimPy-style trace: "(time) (who) (what)" lines that a test compares as a whole.</summary>
internal sealed class SimLog
{
    private readonly Simulation _sim;

    public SimLog(Simulation sim)
    {
        _sim = sim;
    }

    public List<string> Entries { get; } = [];

    public void Add(string who, string what) =>
        Entries.Add(string.Create(CultureInfo.InvariantCulture, $"{_sim.Now} {who} {what}"));
}
