namespace HybridSim.Kernel.Tests;

public sealed class ConditionTests
{
    [Fact]
    public void All_of_resumes_when_the_last_event_fires_and_exposes_typed_values()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var data = sim.Event<int>();

        IEnumerable<Event> Producer()
        {
            yield return sim.Timeout(7);
            data.Succeed(9);
        }

        IEnumerable<Event> Consumer()
        {
            var t = sim.Timeout(5);
            var both = t & data;
            yield return both;
            log.Add("consumer", $"fired={both.Fired.Count} value={both.ValueOf(data)} t={both.Contains(t)}");
        }

        sim.Process(Producer());
        sim.Process(Consumer());
        sim.Run();

        Assert.Equal(["7 consumer fired=2 value=9 t=True"], log.Entries);
    }

    [Fact]
    public void Any_of_resumes_at_the_first_event_and_lists_only_what_fired()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);

        IEnumerable<Event> Waiter()
        {
            var fast = sim.Timeout(5);
            var slow = sim.Timeout(10);
            var either = fast | slow;
            yield return either;
            log.Add("waiter", $"fast={either.Contains(fast)} slow={either.Contains(slow)}");
            yield return slow;
            log.Add("waiter", "slow done");
        }

        sim.Process(Waiter());
        sim.Run();

        Assert.Equal(["5 waiter fast=True slow=False", "10 waiter slow done"], log.Entries);
    }

    [Fact]
    public void Fired_holds_every_event_processed_by_the_time_the_condition_is_processed()
    {
        var sim = new Simulation();
        var a = sim.Timeout(5);
        var b = sim.Timeout(5);
        var any = sim.AnyOf(a, b);

        sim.Run();

        Assert.Equal([a, b], any.Fired);
    }

    [Fact]
    public void Conditions_count_events_that_were_already_processed()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);

        IEnumerable<Event> Waiter()
        {
            var early = sim.Timeout(2);
            yield return sim.Timeout(10);
            yield return sim.AllOf(early, sim.Timeout(3));
            log.Add("waiter", "all");
            yield return sim.AnyOf(early, sim.Timeout(100));
            log.Add("waiter", "any");
            yield return sim.AllOf();
            log.Add("waiter", "empty");
        }

        sim.Process(Waiter());
        sim.Run();

        Assert.Equal(["13 waiter all", "13 waiter any", "13 waiter empty"], log.Entries);
        Assert.Equal(113, sim.Now);
    }

    [Fact]
    public void Operators_flatten_chains_of_the_same_kind()
    {
        var sim = new Simulation();
        var a = sim.Event();
        var b = sim.Event();
        var c = sim.Event();

        var all = a & b & c;
        var any = a | b | c;
        var mixed = (a & b) | c;

        Assert.Equal(ConditionKind.All, all.Kind);
        Assert.Equal([a, b, c], all.Events);
        Assert.Equal([a, b, c], any.Events);
        Assert.Equal(2, mixed.Events.Count);
    }

    [Fact]
    public void A_failing_member_fails_the_condition_and_its_waiting_process()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var bad = sim.Event();

        IEnumerable<Event> Breaker()
        {
            yield return sim.Timeout(4);
            bad.Fail(new InvalidOperationException("nack"));
        }

        IEnumerable<Event> Waiter()
        {
            var cond = sim.Timeout(10) & bad;
            yield return cond.Defuse();
            log.Add("waiter", $"ok={cond.IsOk} error={cond.Exception!.Message}");
        }

        sim.Process(Breaker());
        sim.Process(Waiter());
        sim.Run();

        Assert.Equal(["4 waiter ok=False error=nack"], log.Entries);
    }

    [Fact]
    public void Reading_the_value_of_an_event_that_did_not_fire_is_an_error()
    {
        var sim = new Simulation();
        var a = sim.Event<int>();
        var t = sim.Timeout(1);
        var any = t | a;

        sim.Run();

        Assert.True(any.IsOk);
        Assert.Throws<InvalidOperationException>(() => any.ValueOf(a));
    }
}
