namespace HybridSim.Kernel.Tests;

/// <summary>The example of src/HybridSim.Kernel/README.md, with a log instead of the console.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void The_readme_example_runs_as_described()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var port = new Resource(sim, capacity: 2, name: "smem port");
        var fifo = new Store<int>(sim, capacity: 4, name: "recv fifo");

        IEnumerable<Event> Mvm(int id)
        {
            using (var req = port.Request())
            {
                yield return req;
                yield return sim.Timeout(1_800_000);
            }

            yield return fifo.Put(id);
            yield return sim.Exit(id * 2);
        }

        IEnumerable<Event> Core()
        {
            var a = sim.Process<int>(Mvm(1), "mvm1");
            var b = sim.Process<int>(Mvm(2), "mvm2");
            var both = a & b;
            yield return both;
            var get = fifo.Get();
            yield return get;
            log.Add("core0", $"{a.Value + b.Value}, first out {get.Value}");
        }

        sim.Process(Core(), "core0");
        sim.Run();

        Assert.Equal(["1800000 core0 6, first out 1"], log.Entries);
        Assert.Empty(sim.WaitingProcesses());
        Assert.Equal(2 * 1_800_000, port.BusyTime);
    }
}
