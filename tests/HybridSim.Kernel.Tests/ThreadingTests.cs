using System.Globalization;

namespace HybridSim.Kernel.Tests;

public sealed class ThreadingTests
{
    [Fact]
    public void Two_simulations_on_two_threads_produce_identical_logs()
    {
        var reference = RunModel(seed: 12345);
        List<string>? first = null;
        List<string>? second = null;
        using var start = new Barrier(2);
        var t1 = new Thread(() =>
        {
            start.SignalAndWait();
            first = RunModel(seed: 12345);
        });
        var t2 = new Thread(() =>
        {
            start.SignalAndWait();
            second = RunModel(seed: 12345);
        });
        t1.Start();
        t2.Start();
        t1.Join();
        t2.Join();

        Assert.True(reference.Count > 1000);
        Assert.Equal(reference, first);
        Assert.Equal(reference, second);
        Assert.NotEqual(reference, RunModel(seed: 999));
    }

    /// <summary>Workers contending for a resource and passing tokens through a store, with seeded delays.</summary>
    private static List<string> RunModel(int seed)
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var unit = new Resource(sim, 3, "unit");
        var queue = new Store<int>(sim, 4, "queue");
        var random = new Random(seed);

        IEnumerable<Event> Worker(int id, int[] delays)
        {
            foreach (var d in delays)
            {
                yield return sim.Timeout(d);
                using (var req = unit.Request(priority: id % 3))
                {
                    yield return req;
                    yield return sim.Timeout(d % 7 + 1);
                }

                yield return queue.Put(id);
                log.Add(sim.ActiveProcess!.Name, "put");
            }
        }

        IEnumerable<Event> Drain(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var get = queue.Get();
                yield return get;
                log.Add("drain", "got " + get.Value.ToString(CultureInfo.InvariantCulture));
                yield return sim.Timeout(2);
            }
        }

        const int Workers = 40;
        const int Rounds = 50;
        for (var w = 0; w < Workers; w++)
        {
            var delays = new int[Rounds];
            for (var i = 0; i < Rounds; i++)
            {
                delays[i] = random.Next(0, 20);
            }

            sim.Process(Worker(w, delays));
        }

        sim.Process(Drain(Workers * Rounds));
        sim.Run();
        log.Add("end", $"events={sim.ProcessedEvents} busy={unit.BusyTime} wait={unit.TotalWait}");
        return log.Entries;
    }
}
