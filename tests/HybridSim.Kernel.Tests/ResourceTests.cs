namespace HybridSim.Kernel.Tests;

public sealed class ResourceTests
{
    [Fact]
    public void Contention_queues_users_fifo_and_statistics_match_hand_computation()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var alu = new Resource(sim, 2, "alu");

        IEnumerable<Event> User(string who)
        {
            using var req = alu.Request();
            yield return req;
            log.Add(who, "granted");
            yield return sim.Timeout(10);
            log.Add(who, "release");
        }

        foreach (var who in new[] { "u1", "u2", "u3", "u4" })
        {
            sim.Process(User(who));
        }

        sim.Run();

        Assert.Equal(
            ["0 u1 granted", "0 u2 granted", "10 u1 release", "10 u2 release", "10 u3 granted", "10 u4 granted", "20 u3 release", "20 u4 release"],
            log.Entries);
        Assert.Equal(4, alu.Requests);
        Assert.Equal(4, alu.Served);
        Assert.Equal(20, alu.TotalWait);
        Assert.Equal(10, alu.MaxWait);
        Assert.Equal(5.0, alu.MeanWait);
        Assert.Equal(40, alu.BusyTime);
        Assert.Equal(1.0, alu.Utilization());
        Assert.Equal(0.5, alu.Utilization(40));
        Assert.Equal(2, alu.MaxQueueLength);
        Assert.Equal(20, alu.QueueArea);
        Assert.Equal(1.0, alu.MeanQueueLength);
        Assert.Equal(0, alu.InUse);
        Assert.Equal(0, alu.QueueLength);
    }

    [Fact]
    public void Waiting_requests_are_served_by_priority_then_arrival()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var bus = new Resource(sim, 1, "bus");

        IEnumerable<Event> User(string who, long arrival, int priority)
        {
            yield return sim.Timeout(arrival);
            using var req = bus.Request(priority);
            yield return req;
            log.Add(who, "granted");
            yield return sim.Timeout(10);
        }

        sim.Process(User("first", 0, 0));
        sim.Process(User("low", 1, 5));
        sim.Process(User("high", 2, -1));
        sim.Process(User("normal1", 3, 0));
        sim.Process(User("normal2", 4, 0));
        sim.Run();

        Assert.Equal(["0 first granted", "10 high granted", "20 normal1 granted", "30 normal2 granted", "40 low granted"], log.Entries);
    }

    [Fact]
    public void Release_without_using_frees_the_slot_and_a_second_release_does_nothing()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var port = new Resource(sim, 1, "port");

        IEnumerable<Event> Explicit()
        {
            var req = port.Request();
            yield return req;
            yield return sim.Timeout(3);
            port.Release(req);
            port.Release(req);
            req.Dispose();
            log.Add("explicit", $"released inUse={port.InUse}");
        }

        IEnumerable<Event> Other()
        {
            var req = port.Request();
            yield return req;
            log.Add("other", $"granted inUse={port.InUse}");
            req.Dispose();
        }

        sim.Process(Explicit());
        sim.Process(Other());
        sim.Run();

        Assert.Equal(["3 explicit released inUse=1", "3 other granted inUse=1"], log.Entries);
        Assert.Equal(0, port.InUse);
        Assert.Equal(3, port.BusyTime);
    }

    [Fact]
    public void A_queued_request_withdrawn_by_dispose_is_skipped()
    {
        var sim = new Simulation();
        var log = new SimLog(sim);
        var mvmu = new Resource(sim, 1, "mvmu");

        IEnumerable<Event> Holder()
        {
            using var req = mvmu.Request();
            yield return req;
            yield return sim.Timeout(10);
        }

        IEnumerable<Event> Impatient()
        {
            var req = mvmu.Request();
            yield return req | sim.Timeout(3);
            log.Add("impatient", $"gaveup granted={req.IsTriggered} queue={mvmu.QueueLength}");
            req.Dispose();
            log.Add("impatient", $"state={req.State} queue={mvmu.QueueLength}");
        }

        IEnumerable<Event> Patient()
        {
            yield return sim.Timeout(1);
            using var req = mvmu.Request();
            yield return req;
            log.Add("patient", "granted");
        }

        sim.Process(Holder());
        sim.Process(Impatient());
        sim.Process(Patient());
        sim.Run();

        Assert.Equal(
            ["3 impatient gaveup granted=False queue=2", "3 impatient state=Cancelled queue=1", "10 patient granted"],
            log.Entries);
        Assert.Equal(2, mvmu.Served);
        Assert.Equal(3, mvmu.Requests);
    }

    [Fact]
    public void Releasing_a_request_of_another_resource_is_rejected()
    {
        var sim = new Simulation();
        var a = new Resource(sim, 1, "a");
        var b = new Resource(sim, 1, "b");
        var req = a.Request();

        var error = Assert.Throws<ArgumentException>(() => b.Release(req));
        Assert.Contains("resource 'a', not 'b'", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Resource(sim, 0));
    }

    [Fact]
    public void Statistics_integrate_up_to_the_time_run_stopped_at()
    {
        var sim = new Simulation();
        var dac = new Resource(sim, 2, "dac");

        IEnumerable<Event> User()
        {
            yield return sim.Timeout(10);
            using var req = dac.Request();
            yield return req;
            yield return sim.Timeout(5);
        }

        sim.Process(User());
        sim.Run(40);

        Assert.Equal(5, dac.BusyTime);
        Assert.Equal(5.0 / (2 * 40), dac.Utilization());
        Assert.Equal(0.0, dac.MeanQueueLength);
        Assert.Equal(0, dac.MaxWait);
        Assert.Equal(1, dac.Served);
    }
}
