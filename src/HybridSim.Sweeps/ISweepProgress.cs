namespace HybridSim.Sweeps;

/// <summary>Receives progress from a running sweep; called from worker threads, so implementations must be thread-safe.</summary>
public interface ISweepProgress
{
    /// <summary>The sweep starts: <paramref name="total"/> points in this shard, <paramref name="alreadyDone"/> of them finished by an earlier run.</summary>
    void Started(int total, int alreadyDone);

    /// <summary>A point finished (<paramref name="error"/> null) or failed.</summary>
    void PointFinished(SweepPoint point, TimeSpan elapsed, string? error);

    /// <summary>The sweep is over (every point done, or interrupted).</summary>
    void Finished();
}
