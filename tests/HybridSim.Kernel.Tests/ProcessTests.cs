namespace HybridSim.Kernel.Tests;

public sealed class ProcessTests
{
    [Fact]
    public void A_parent_waits_for_its_child_and_reads_its_typed_return_value()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);

        IEnumerable<Event> Child(int n)
        {
            log.Add("child", "start");
            yield return sim.Timeout(10);
            log.Add("child", "end");
            yield return sim.Exit(n * 2);
            log.Add("child", "after exit (must not run)");
        }

        IEnumerable<Event> Parent()
        {
            log.Add("parent", "start");
            var child = sim.Process<int>(Child(21), "child");
            yield return child;
            log.Add("parent", $"got {child.Value} alive={child.IsAlive}");
        }

        var parent = sim.Process(Parent(), "parent");
        sim.Run();

        Assert.Equal(["0 parent start", "0 child start", "10 child end", "10 parent got 42 alive=False"], log.Entries);
        Assert.True(parent.IsOk);
        Assert.False(parent.IsAlive);
    }

    [Fact]
    public void Yielding_an_already_finished_process_resumes_at_once_with_its_value()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);

        IEnumerable<Event> Quick()
        {
            yield return sim.Timeout(3);
            yield return sim.Exit("done");
        }

        IEnumerable<Event> Slow(Process<string> quick)
        {
            yield return sim.Timeout(20);
            log.Add("slow", $"quick processed={quick.IsProcessed}");
            yield return quick;
            log.Add("slow", "resumed with " + quick.Value);
        }

        var q = sim.Process<string>(Quick());
        sim.Process(Slow(q));
        sim.Run();

        Assert.Equal(["20 slow quick processed=True", "20 slow resumed with done"], log.Entries);
    }

    [Fact]
    public void Nested_processes_three_deep_return_values_up_the_chain()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);

        IEnumerable<Event> Leaf()
        {
            yield return sim.Timeout(4);
            yield return sim.Exit(4L);
        }

        IEnumerable<Event> Middle()
        {
            var a = sim.Process<long>(Leaf(), "leaf1");
            var b = sim.Process<long>(Leaf(), "leaf2");
            yield return a & b;
            yield return sim.Timeout(1);
            yield return sim.Exit(a.Value + b.Value);
        }

        IEnumerable<Event> Root()
        {
            var m = sim.Process<long>(Middle(), "middle");
            yield return m;
            log.Add("root", "sum " + m.Value);
        }

        sim.Process(Root(), "root");
        sim.Run();

        Assert.Equal(["5 root sum 8"], log.Entries);
    }

    [Fact]
    public void Exit_on_a_plain_process_sets_the_boxed_result_and_runs_finally_blocks()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);

        IEnumerable<Event> Worker()
        {
            try
            {
                yield return sim.Timeout(2);
                yield return sim.Exit(7);
            }
            finally
            {
                log.Add("worker", "finally");
            }
        }

        var p = sim.Process(Worker());
        sim.Run();

        Assert.Equal(7, p.Result);
        Assert.Equal(["2 worker finally"], log.Entries);
        Assert.Equal("process#1", p.Name);
    }

    [Fact]
    public void A_typed_process_that_ends_without_exit_or_exits_with_another_type_fails()
    {
        var sim = new Simulation();

        IEnumerable<Event> NoExit()
        {
            yield return sim.Timeout(1);
        }

        IEnumerable<Event> WrongType()
        {
            yield return sim.Exit("text");
        }

        var a = sim.Process<int>(NoExit(), "noexit").Defuse();
        var b = sim.Process<int>(WrongType(), "wrongtype").Defuse();
        sim.Run();

        Assert.False(a.IsOk);
        Assert.Contains("ended without yielding sim.Exit", a.Exception!.Message, StringComparison.Ordinal);
        Assert.False(b.IsOk);
        Assert.Contains("Process<Int32> but Exit got a String", b.Exception!.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => a.Value);
        Assert.Throws<InvalidOperationException>(() => sim.Exit(1));
    }

    [Fact]
    public void A_failing_child_fails_its_parent_at_the_yield_and_run_names_the_top_process()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);

        IEnumerable<Event> Child()
        {
            yield return sim.Timeout(5);
            throw new InvalidOperationException("boom");
        }

        IEnumerable<Event> Parent()
        {
            try
            {
                log.Add("parent", "start");
                yield return sim.Process(Child(), "child");
                log.Add("parent", "after child (must not run)");
            }
            finally
            {
                log.Add("parent", "finally");
            }
        }

        var parent = sim.Process(Parent(), "parent");
        var error = Assert.Throws<SimulationException>(() => sim.Run());

        Assert.Equal(["0 parent start", "5 parent finally"], log.Entries);
        Assert.Equal("parent", error.ProcessName);
        Assert.Equal("child", error.OriginProcessName);
        Assert.Equal(5, error.Time);
        Assert.Equal("boom", error.InnerException!.Message);
        Assert.Equal("process 'parent' failed at 5 ps (raised in process 'child'): boom", error.Message);
        Assert.False(parent.IsOk);
        Assert.False(parent.IsAlive);
    }

    [Fact]
    public void A_process_that_defuses_a_failing_child_is_resumed_and_handles_the_failure()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);

        IEnumerable<Event> Child()
        {
            yield return sim.Timeout(5);
            throw new InvalidOperationException("bad address");
        }

        IEnumerable<Event> Parent()
        {
            var child = sim.Process(Child(), "child");
            yield return child.Defuse();
            log.Add("parent", $"ok={child.IsOk} error={child.Exception!.Message}");
            yield return sim.Timeout(1);
            log.Add("parent", "end");
        }

        sim.Process(Parent(), "parent");
        sim.Run();

        Assert.Equal(["5 parent ok=False error=bad address", "6 parent end"], log.Entries);
    }

    [Fact]
    public void A_failed_event_fails_the_waiting_process_and_releases_its_resource()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var port = new Resource(sim, 1, "port");
        var doomed = sim.Event();
        doomed.Description = "doomed";

        IEnumerable<Event> Holder()
        {
            using var req = port.Request();
            yield return req;
            log.Add("holder", "granted");
            yield return doomed;
            log.Add("holder", "after failure (must not run)");
        }

        IEnumerable<Event> Next()
        {
            yield return sim.Timeout(1);
            using var req = port.Request();
            yield return req;
            log.Add("next", "granted");
        }

        IEnumerable<Event> Saboteur()
        {
            yield return sim.Timeout(4);
            doomed.Fail(new TimeoutException("link down"));
        }

        var holder = sim.Process(Holder(), "holder").Defuse();
        sim.Process(Next(), "next");
        sim.Process(Saboteur(), "saboteur");
        sim.Run();

        Assert.Equal(["0 holder granted", "4 next granted"], log.Entries);
        Assert.IsType<TimeoutException>(holder.Exception);
        Assert.Equal(1, port.MaxQueueLength);
        Assert.Equal(0, port.InUse);
    }

    [Fact]
    public void An_exception_in_a_process_nobody_waits_on_makes_run_throw_naming_it()
    {
        var sim = new Simulation();

        IEnumerable<Event> Faulty()
        {
            yield return sim.Timeout(3);
            throw new FormatException("bad opcode");
        }

        sim.Process(Faulty(), "core0");
        var error = Assert.Throws<SimulationException>(() => sim.Run());

        Assert.Equal("core0", error.ProcessName);
        Assert.Equal("core0", error.OriginProcessName);
        Assert.Equal("process 'core0' failed at 3 ps: bad opcode", error.Message);
        Assert.IsType<FormatException>(error.InnerException);
    }

    [Fact]
    public void A_failed_event_nobody_handles_makes_run_throw_naming_its_description()
    {
        var sim = new Simulation();
        var ev = sim.Event();
        ev.Description = "load tile3 addr 1024";
        ev.Fail(new InvalidOperationException("parity"));

        var error = Assert.Throws<SimulationException>(() => sim.Run());

        Assert.Equal("event 'load tile3 addr 1024' failed at 0 ps and nobody handled it: parity", error.Message);
        Assert.Null(error.ProcessName);
    }

    [Fact]
    public void A_defused_failed_event_does_not_stop_the_run()
    {
        var sim = new Simulation();
        var ev = sim.Event().Defuse();
        ev.Fail(new InvalidOperationException("ignored"));
        var after = sim.Timeout(1);

        sim.Run();

        Assert.True(after.IsProcessed);
        Assert.False(ev.IsOk);
    }

    [Fact]
    public void Waiting_processes_report_a_deadlock_with_what_they_wait_on_and_since_when()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var a = new Resource(sim, 1, "A");
        var b = new Resource(sim, 1, "B");
        var never = sim.Event();
        never.Description = "load tile3 addr 1024";

        IEnumerable<Event> Grab(Resource first, Resource second, long delay)
        {
            using var r1 = first.Request();
            yield return r1;
            yield return sim.Timeout(delay);
            using var r2 = second.Request();
            yield return r2;
            log.Add("grab", "both (must not run)");
        }

        IEnumerable<Event> Loader()
        {
            yield return sim.Timeout(7);
            yield return never;
        }

        IEnumerable<Event> Finisher()
        {
            yield return sim.Timeout(50);
            log.Add("finisher", "done");
        }

        sim.Process(Grab(a, b, 10), "p1");
        sim.Process(Grab(b, a, 20), "p2");
        sim.Process(Loader(), "loader");
        sim.Process(Finisher(), "finisher");
        sim.Run();

        Assert.Equal(["50 finisher done"], log.Entries);
        Assert.Equal(
            [
                new WaitingProcess("p1", "request on resource 'B' (priority 0, queued)", 10),
                new WaitingProcess("p2", "request on resource 'A' (priority 0, queued)", 20),
                new WaitingProcess("loader", "load tile3 addr 1024", 7),
            ],
            sim.WaitingProcesses());
    }

    [Fact]
    public void Waiting_processes_is_empty_when_every_process_finished()
    {
        var sim = new Simulation();

        IEnumerable<Event> Worker()
        {
            yield return sim.Timeout(1);
        }

        sim.Process(Worker());
        sim.Run();

        Assert.Empty(sim.WaitingProcesses());
    }

    [Fact]
    public void A_process_waiting_on_a_condition_reports_the_events_still_awaited()
    {
        var sim = new Simulation();
        var x = sim.Event();
        x.Description = "x";
        var y = sim.Event();
        y.Description = "y";

        IEnumerable<Event> Waiter()
        {
            yield return sim.Timeout(1) & x & y;
        }

        sim.Process(Waiter(), "w");
        sim.Run();

        Assert.Equal([new WaitingProcess("w", "all of (x, y)", 0)], sim.WaitingProcesses());
    }

    [Fact]
    public void Yielding_null_fails_the_process_with_a_clear_message()
    {
        var sim = new Simulation();

        IEnumerable<Event> Bad()
        {
            yield return null!;
        }

        sim.Process(Bad(), "bad");
        var error = Assert.Throws<SimulationException>(() => sim.Run());

        Assert.Equal("process 'bad' failed at 0 ps: process 'bad' yielded null", error.Message);
    }
}
