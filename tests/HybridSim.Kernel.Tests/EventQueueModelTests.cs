namespace HybridSim.Kernel.Tests;

/// <summary>Checks the queue order against a reference model: every processed event must be the smallest pending (time, priority, creation index).</summary>
public sealed class EventQueueModelTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_processed_event_is_the_smallest_pending_one(int seed)
    {
        var sim = new Simulation();
        var random = new Random(seed);
        var pending = new SortedSet<(long Time, int Priority, long Index)>();
        var index = 0L;
        var processed = 0;
        var budget = 20_000;

        void Schedule()
        {
            var id = index++;
            var delay = random.Next(4) == 0 ? 0 : random.Next(0, 40);
            var priority = random.Next(5) == 0 ? random.Next(-2, 3) : 0;
            Event ev;
            if (delay == 0 && random.Next(2) == 0)
            {
                ev = sim.Event().Succeed(priority);
            }
            else
            {
                ev = sim.Timeout(delay, priority);
            }

            pending.Add((sim.Now + delay, priority, id));
            ev.AddCallback(_ =>
            {
                var expected = pending.Min;
                Assert.Equal(expected, (sim.Now, priority, id));
                pending.Remove(expected);
                processed++;
                var children = random.Next(3);
                for (var c = 0; c < children && budget > 0; c++, budget--)
                {
                    Schedule();
                }
            });
        }

        for (var i = 0; i < 300; i++)
        {
            Schedule();
        }

        sim.Run();

        Assert.Empty(pending);
        Assert.Equal(index, processed);
        Assert.True(processed > 10_000);
    }
}
