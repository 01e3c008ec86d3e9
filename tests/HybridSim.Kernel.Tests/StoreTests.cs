namespace HybridSim.Kernel.Tests;

public sealed class StoreTests
{
    [Fact]
    public void A_get_on_an_empty_store_blocks_until_a_put()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var fifo = new Store<string>(sim, 4, "fifo");

        IEnumerable<Event> Consumer()
        {
            var get = fifo.Get();
            yield return get;
            log.Add("consumer", "got " + get.Value);
        }

        IEnumerable<Event> Producer()
        {
            yield return sim.Timeout(5);
            yield return fifo.Put("packet");
            log.Add("producer", "put done");
        }

        sim.Process(Consumer());
        sim.Process(Producer());
        sim.Run();

        Assert.Equal(["5 consumer got packet", "5 producer put done"], log.Entries);
        Assert.Equal(5, fifo.TotalGetWait);
        Assert.Equal(5, fifo.MaxGetWait);
        Assert.Equal(0, fifo.TotalPutWait);
        Assert.Equal(1, fifo.Gets);
        Assert.Equal(0, fifo.MaxOccupancy);
    }

    [Fact]
    public void A_put_on_a_full_store_blocks_until_a_get_and_items_stay_fifo()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var fifo = new Store<int>(sim, 2, "fifo");

        IEnumerable<Event> Producer()
        {
            for (var i = 0; i < 4; i++)
            {
                yield return fifo.Put(i);
                log.Add("producer", $"put {i} count={fifo.Count}");
            }
        }

        IEnumerable<Event> Consumer()
        {
            for (var i = 0; i < 4; i++)
            {
                yield return sim.Timeout(10);
                var get = fifo.Get();
                yield return get;
                log.Add("consumer", $"got {get.Value}");
            }
        }

        sim.Process(Producer());
        sim.Process(Consumer());
        sim.Run();

        Assert.Equal(
            [
                "0 producer put 0 count=1",
                "0 producer put 1 count=2",
                "10 consumer got 0",
                "10 producer put 2 count=2",
                "20 consumer got 1",
                "20 producer put 3 count=2",
                "30 consumer got 2",
                "40 consumer got 3",
            ],
            log.Entries);
        Assert.Equal(4, fifo.Puts);
        Assert.Equal(4, fifo.Gets);
        // put 2 waits [0,10), put 3 (asked at 10) waits [10,20).
        Assert.Equal(20, fifo.TotalPutWait);
        Assert.Equal(10, fifo.MaxPutWait);
        Assert.Equal(2, fifo.MaxOccupancy);
        // 2 items over [0,30), 1 over [30,40): 60 + 10.
        Assert.Equal(70, fifo.OccupancyArea);
        Assert.Equal(1.75, fifo.MeanOccupancy);
    }

    [Fact]
    public void Several_getters_are_served_in_arrival_order()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var fifo = new Store<char>(sim, name: "fifo");

        IEnumerable<Event> Getter(string who, long arrival)
        {
            yield return sim.Timeout(arrival);
            var get = fifo.Get();
            yield return get;
            log.Add(who, "got " + get.Value);
        }

        IEnumerable<Event> Putter()
        {
            yield return sim.Timeout(10);
            fifo.Put('x');
            fifo.Put('y');
            yield return sim.Timeout(1);
            fifo.Put('z');
        }

        sim.Process(Getter("g2", 2));
        sim.Process(Getter("g1", 1));
        sim.Process(Getter("g3", 3));
        sim.Process(Putter());
        sim.Run();

        Assert.Equal(["10 g1 got x", "10 g2 got y", "11 g3 got z"], log.Entries);
        Assert.Equal(0, fifo.PendingGets);
    }

    [Fact]
    public void A_getter_blocked_forever_shows_up_in_the_deadlock_report()
    {
        var sim = new Simulation();
        var fifo = new Store<int>(sim, 1, "results");

        IEnumerable<Event> Reader(int gets)
        {
            yield return sim.Timeout(4);
            for (var i = 0; i < gets; i++)
            {
                yield return fifo.Get();
            }
        }

        IEnumerable<Event> Writer()
        {
            yield return fifo.Put(1);
            yield return fifo.Put(2);
        }

        sim.Process(Reader(1), "reader");
        sim.Process(Writer(), "writer");
        sim.Run();

        Assert.Empty(sim.WaitingProcesses());

        // The store still holds item 2: reader2 takes it, then blocks on the second get.
        Assert.Equal(1, fifo.Count);
        sim.Process(Reader(2), "reader2");
        sim.Run();
        Assert.Equal([new WaitingProcess("reader2", "get from store 'results' (empty)", 8)], sim.WaitingProcesses());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Store<int>(sim, 0));
    }
}
