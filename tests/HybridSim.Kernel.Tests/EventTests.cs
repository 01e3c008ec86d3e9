namespace HybridSim.Kernel.Tests;

public sealed class EventTests
{
    [Fact]
    public void An_event_goes_from_pending_to_triggered_to_processed()
    {
        var sim = new Simulation();
        var ev = sim.Event<int>();
        Assert.False(ev.IsTriggered);
        Assert.False(ev.IsOk);
        Assert.Throws<InvalidOperationException>(() => ev.Value);

        ev.Succeed(17);
        Assert.True(ev.IsTriggered);
        Assert.False(ev.IsProcessed);
        Assert.True(ev.IsOk);
        Assert.Equal(17, ev.Value);

        sim.Run();
        Assert.True(ev.IsProcessed);
        Assert.Equal(1, sim.ProcessedEvents);
        Assert.Throws<InvalidOperationException>(() => ev.Succeed(18));
        Assert.Throws<InvalidOperationException>(() => ev.Fail(new InvalidOperationException("late")));
    }

    [Fact]
    public void A_failed_event_keeps_its_description_and_its_exception_in_either_order()
    {
        var sim = new Simulation();
        var first = sim.Event<int>().Defuse();
        first.Description = "read bank 2";
        first.Fail(new InvalidOperationException("ecc"));
        var second = sim.Event().Defuse();
        second.Fail(new InvalidOperationException("crc"));
        second.Description = "write bank 3";

        sim.Run();

        Assert.Equal("read bank 2", first.Description);
        Assert.Equal("ecc", first.Exception!.Message);
        Assert.Equal("write bank 3", second.Description);
        Assert.Equal("crc", second.Exception!.Message);
        var error = Assert.Throws<InvalidOperationException>(() => first.Value);
        Assert.Same(first.Exception, error.InnerException);
    }

    [Fact]
    public void Kernel_events_describe_themselves_for_deadlock_reports()
    {
        var sim = new Simulation();
        var port = new Resource(sim, 1, "port");
        var held = port.Request();
        var queued = port.Request(priority: 2);

        Assert.Equal("timeout", sim.Timeout(1).Description);
        Assert.Equal("event", sim.Event().Description);
        Assert.Equal("request on resource 'port' (priority 0, granted)", held.Description);
        Assert.Equal("request on resource 'port' (priority 2, queued)", queued.Description);
        Assert.Equal("process 'p'", sim.Process(Array.Empty<Event>(), "p").Description);
    }

    [Fact]
    public void Active_process_is_the_one_whose_generator_runs()
    {
        var sim = new Simulation();
        var seen = new List<string>();

        IEnumerable<Event> Worker()
        {
            seen.Add(sim.ActiveProcess!.Name);
            yield return sim.Timeout(1);
            seen.Add(sim.ActiveProcess!.Name);
        }

        sim.Process(Worker(), "w1");
        sim.Process(Worker(), "w2");
        Assert.Null(sim.ActiveProcess);
        sim.Run();

        Assert.Equal(["w1", "w2", "w1", "w2"], seen);
        Assert.Null(sim.ActiveProcess);
    }

    [Fact]
    public void Events_of_another_simulation_are_rejected()
    {
        var sim = new Simulation();
        var other = new Simulation();
        var foreign = other.Event();

        IEnumerable<Event> Confused()
        {
            yield return foreign;
        }

        var p = sim.Process(Confused(), "confused").Defuse();
        sim.Run();

        Assert.Contains("another simulation", p.Exception!.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => sim.Timeout(1) & foreign);
        Assert.Throws<ArgumentException>(() => sim.Run(foreign));
    }

    [Fact]
    public void Running_the_simulation_from_inside_a_process_is_refused()
    {
        var sim = new Simulation();

        IEnumerable<Event> Nested()
        {
            yield return sim.Timeout(1);
            sim.Run();
        }

        var p = sim.Process(Nested(), "nested").Defuse();
        sim.Run();

        Assert.Contains("already running", p.Exception!.Message, StringComparison.Ordinal);
        sim.Timeout(1);
        sim.Run();
        Assert.Equal(2, sim.Now);
    }
}
