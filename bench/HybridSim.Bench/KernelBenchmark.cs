using System.Diagnostics;
using System.Globalization;
using HybridSim.Kernel;

namespace HybridSim.Bench;

/// <summary>
/// The standard kernel workload: 1,000 worker processes loop "think (timeout) → acquire one of 8 slots of a
/// contended resource → hold it (timeout) → release → put a token into a bounded store", while 4 consumer processes
/// drain the store (get → timeout). Delays come from a per-worker xorshift generator, so runs are deterministic.
/// Prints events, wall time, events per second and allocated bytes per event of the median of the measured runs
/// (after a warm-up; the machine is shared, so one run alone is noisy).
/// </summary>
public static class KernelBenchmark
{
    private const int Workers = 1000;
    private const int Slots = 8;
    private const int StoreCapacity = 64;
    private const int Consumers = 4;

    public static int Run(string[] args)
    {
        var iterations = 1000;
        var repeats = 3;
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 < args.Length
                && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
                && (args[i] == "--iterations" || args[i] == "--repeats"))
            {
                if (args[i] == "--iterations")
                {
                    iterations = n;
                }
                else
                {
                    repeats = n;
                }

                i++;
            }
            else
            {
                Console.Error.WriteLine("usage: HybridSim.Bench kernel [--iterations N (per worker, default 1000)] [--repeats N (default 3)]");
                return 2;
            }
        }

        // Warm-up: lets tiered JIT and PGO settle on the hot paths before the measured run.
        RunWorkload(Math.Max(1, iterations / 5));
        RunWorkload(Math.Max(1, iterations / 5));

        var runs = new List<(double Seconds, long Allocated, int Gen0, WorkloadResult Result)>();
        for (var r = 0; r < repeats; r++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var gen0Before = GC.CollectionCount(0);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var run = RunWorkload(iterations);
            watch.Stop();
            runs.Add((watch.Elapsed.TotalSeconds, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, GC.CollectionCount(0) - gen0Before, run));
        }

        runs.Sort((a, b) => a.Seconds.CompareTo(b.Seconds));
        var (seconds, allocated, gen0, result) = runs[runs.Count / 2];
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine("benchmark: kernel");
        Console.WriteLine($"workload: {Workers} workers x {iterations} iterations, resource capacity {Slots}, store capacity {StoreCapacity}, {Consumers} consumers");
        Console.WriteLine($"runs: {repeats} measured after warm-up, median reported");
        Console.WriteLine("events: " + result.Events.ToString(inv));
        Console.WriteLine("simulated_ps: " + result.Now.ToString(inv));
        Console.WriteLine("resource_utilization: " + result.Utilization.ToString("F4", inv));
        Console.WriteLine("resource_mean_queue_length: " + result.MeanQueueLength.ToString("F2", inv));
        Console.WriteLine("wall_seconds: " + seconds.ToString("F3", inv));
        Console.WriteLine("events_per_second: " + ((long)(result.Events / seconds)).ToString(inv));
        Console.WriteLine("allocated_bytes_per_event: " + ((double)allocated / result.Events).ToString("F1", inv));
        Console.WriteLine("gen0_collections: " + gen0.ToString(inv));
        Console.WriteLine("wall_seconds_min_max: " + runs[0].Seconds.ToString("F3", inv) + " " + runs[^1].Seconds.ToString("F3", inv));
        return 0;
    }

    private static WorkloadResult RunWorkload(int iterations)
    {
        var sim = new Simulation();
        var unit = new Resource(sim, Slots, "unit");
        var store = new Store<int>(sim, StoreCapacity, "tokens");
        for (var w = 0; w < Workers; w++)
        {
            sim.Process(Worker(sim, unit, store, (uint)(w + 1) * 2654435761u, iterations));
        }

        var perConsumer = Workers * iterations / Consumers;
        for (var c = 0; c < Consumers; c++)
        {
            sim.Process(Consumer(sim, store, perConsumer));
        }

        sim.Run();
        if (sim.WaitingProcesses().Count != 0)
        {
            throw new InvalidOperationException("benchmark workload deadlocked");
        }

        return new WorkloadResult(sim.ProcessedEvents, sim.Now, unit.Utilization(), unit.MeanQueueLength);
    }

    private static IEnumerable<Event> Worker(Simulation sim, Resource unit, Store<int> store, uint seed, int iterations)
    {
        var state = seed | 1;
        for (var i = 0; i < iterations; i++)
        {
            state = Next(state);
            yield return sim.Timeout(200 + (state % 1600));
            var request = unit.Request();
            yield return request;
            state = Next(state);
            yield return sim.Timeout(1 + (state % 19));
            unit.Release(request);
            yield return store.Put(i);
        }
    }

    private static IEnumerable<Event> Consumer(Simulation sim, Store<int> store, int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return store.Get();
            yield return sim.Timeout(2);
        }
    }

    private static uint Next(uint x)
    {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        return x;
    }

    private readonly record struct WorkloadResult(long Events, long Now, double Utilization, double MeanQueueLength);
}
