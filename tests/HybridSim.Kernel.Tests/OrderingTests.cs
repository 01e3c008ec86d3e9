namespace HybridSim.Kernel.Tests;

public sealed class OrderingTests
{
    [Fact]
    public void Timeouts_fire_in_time_order_then_priority_then_creation_order()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);

        IEnumerable<Event> Sleeper(string who, long delay, int priority)
        {
            yield return sim.Timeout(delay, priority);
            log.Add(who, "woke");
        }

        sim.Process(Sleeper("a", 5, 0));
        sim.Process(Sleeper("b", 3, 0));
        sim.Process(Sleeper("c", 5, -1));
        sim.Process(Sleeper("d", 5, 0));
        sim.Process(Sleeper("e", 5, 1));
        sim.Process(Sleeper("f", 4, 7));
        sim.Run();

        Assert.Equal(["3 b woke", "4 f woke", "5 c woke", "5 a woke", "5 d woke", "5 e woke"], log.Entries);
        Assert.Equal(5, sim.Now);
    }

    [Fact]
    public void Succeeded_events_run_callbacks_by_priority_then_fifo()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var events = new[] { sim.Event(), sim.Event(), sim.Event(), sim.Event() };
        for (var i = 0; i < events.Length; i++)
        {
            var who = "e" + i;
            events[i].AddCallback(_ => log.Add(who, "processed"));
        }

        events[0].Succeed();
        events[1].Succeed(priority: -1);
        events[2].Succeed();
        events[3].Succeed(priority: 2);
        sim.Run();

        Assert.Equal(["0 e1 processed", "0 e0 processed", "0 e2 processed", "0 e3 processed"], log.Entries);
    }

    [Fact]
    public void Waiters_run_in_registration_order_and_late_callbacks_are_scheduled_not_inline()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var ev = sim.Event();
        ev.AddCallback(_ => log.Add("cb1", "ran"));

        IEnumerable<Event> Waiter()
        {
            yield return ev;
            log.Add("proc", "resumed");
        }

        sim.Process(Waiter());
        sim.Run();
        Assert.Empty(log.Entries);

        ev.Succeed();
        sim.Run();
        ev.AddCallback(_ => log.Add("cb2", "ran"));
        log.Add("main", "added cb2");
        sim.Run();

        Assert.Equal(["0 cb1 ran", "0 proc resumed", "0 main added cb2", "0 cb2 ran"], log.Entries);
        Assert.Throws<InvalidOperationException>(() => ev.Succeed());
    }

    [Fact]
    public void Events_triggered_now_still_yield_to_earlier_scheduled_events_of_the_same_time_and_priority()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var now = sim.Event();
        now.AddCallback(_ => log.Add("now", "processed"));
        var t1 = sim.Timeout(5);
        var t2 = sim.Timeout(5, priority: -1);
        var t3 = sim.Timeout(5, priority: 1);
        var t4 = sim.Timeout(5);
        t1.AddCallback(_ =>
        {
            log.Add("t1", "processed");
            now.Succeed();
        });
        t2.AddCallback(_ => log.Add("t2", "processed"));
        t3.AddCallback(_ => log.Add("t3", "processed"));
        t4.AddCallback(_ => log.Add("t4", "processed"));

        sim.Run();

        // "now" is triggered at 5 by t1 with priority 0: after t4 (scheduled earlier), before t3 (priority 1).
        Assert.Equal(["5 t2 processed", "5 t1 processed", "5 t4 processed", "5 now processed", "5 t3 processed"], log.Entries);
    }

    [Fact]
    public void Zero_timeouts_interleave_processes_instead_of_running_inline()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);

        IEnumerable<Event> Stepper(string who)
        {
            for (var i = 0; i < 3; i++)
            {
                log.Add(who, "step" + i);
                yield return sim.Timeout(0);
            }

            log.Add(who, "done");
        }

        sim.Process(Stepper("a"));
        sim.Process(Stepper("b"));
        log.Add("main", "created");
        sim.Run();

        Assert.Equal(
            ["0 main created", "0 a step0", "0 b step0", "0 a step1", "0 b step1", "0 a step2", "0 b step2", "0 a done", "0 b done"],
            log.Entries);
        Assert.Equal(0, sim.Now);
    }

    [Fact]
    public void Processes_started_by_a_process_begin_after_it_yields()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);

        IEnumerable<Event> Child()
        {
            log.Add("child", "start");
            yield break;
        }

        IEnumerable<Event> Parent()
        {
            sim.Process(Child());
            log.Add("parent", "spawned");
            yield return sim.Timeout(1);
            log.Add("parent", "end");
        }

        sim.Process(Parent());
        sim.Run();

        Assert.Equal(["0 parent spawned", "0 child start", "1 parent end"], log.Entries);
    }

    [Fact]
    public void Step_and_peek_walk_the_queue_one_event_at_a_time()
    {
        var sim = new Simulation();
        Assert.Equal(long.MaxValue, sim.Peek());
        Assert.False(sim.Step());

        var late = sim.Timeout(7);
        var early = sim.Timeout(2);
        Assert.Equal(2, sim.Peek());
        Assert.True(sim.Step());
        Assert.True(early.IsProcessed);
        Assert.False(late.IsProcessed);
        Assert.Equal(2, sim.Now);
        Assert.Equal(7, sim.Peek());
        Assert.True(sim.Step());
        Assert.Equal(7, sim.Now);
        Assert.False(sim.Step());
        Assert.Equal(2, sim.ProcessedEvents);
    }

    [Fact]
    public void Run_until_a_time_processes_events_up_to_and_including_it_and_stops_there()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);

        IEnumerable<Event> Ticker()
        {
            for (var i = 0; i < 4; i++)
            {
                yield return sim.Timeout(5);
                log.Add("tick", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        sim.Process(Ticker());
        sim.Run(10);
        Assert.Equal(["5 tick 0", "10 tick 1"], log.Entries);
        Assert.Equal(10, sim.Now);
        Assert.Equal(15, sim.Peek());

        sim.Run(12);
        Assert.Equal(12, sim.Now);
        Assert.Equal(2, log.Entries.Count);

        sim.Run();
        Assert.Equal(["5 tick 0", "10 tick 1", "15 tick 2", "20 tick 3"], log.Entries);

        sim.Run(100);
        Assert.Equal(100, sim.Now);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Run(50));
    }

    [Fact]
    public void Run_until_an_event_stops_right_after_processing_it()
    {
        var sim = new Simulation();
        var first = sim.Timeout(3);
        var stop = sim.Timeout(8);
        var after = sim.Timeout(8);
        var later = sim.Timeout(20);

        sim.Run(stop);

        Assert.True(first.IsProcessed);
        Assert.True(stop.IsProcessed);
        Assert.False(after.IsProcessed);
        Assert.False(later.IsProcessed);
        Assert.Equal(8, sim.Now);
    }

    [Fact]
    public void Timeouts_reject_negative_delays_and_out_of_range_priorities()
    {
        var sim = new Simulation();
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Timeout(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Timeout(1, Simulation.MaxPriority + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Timeout(1, Simulation.MinPriority - 1));
        var low = sim.Timeout(1, Simulation.MaxPriority);
        var high = sim.Timeout(1, Simulation.MinPriority);
        sim.Step();
        Assert.True(high.IsProcessed);
        Assert.False(low.IsProcessed);
    }
}
