using System.Collections.Immutable;

namespace HybridSim.Sweeps;

/// <summary>The expanded sweep: every point to simulate, once, in a fixed order that the table and the shards follow.</summary>
public sealed record SweepPlan(SweepKind Kind, ImmutableArray<string> SweptKeys, ImmutableArray<SweepPoint> Points)
{
    /// <summary><c>--max-accuracy-drop</c> in points of accuracy (1 = one percentage point): pick and mark each series' operating point.</summary>
    public double? MaxAccuracyDrop { get; init; }

    /// <summary>The rows of sweep.csv, in order.</summary>
    public IEnumerable<SweepPoint> TableRows => Points.Where(p => p.InTable);

    /// <summary>The points shard <paramref name="shard"/> runs (position modulo N).</summary>
    public ImmutableArray<SweepPoint> Shard(ShardSpec shard) => Points.Where((_, i) => shard.Contains(i)).ToImmutableArray();

    public SweepPoint? Find(string key) => Points.FirstOrDefault(p => p.Key == key);
}
