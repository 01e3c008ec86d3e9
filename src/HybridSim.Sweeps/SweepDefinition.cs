using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;

namespace HybridSim.Sweeps;

/// <summary>
/// What the user asked for (one <c>sweep</c> command): architectures, workload, fixed <c>--set</c> overrides and the
/// swept axis. <see cref="Expand"/> turns it into a <see cref="SweepPlan"/> of unique points, baselines included.
/// </summary>
public sealed record SweepDefinition(
    SweepKind Kind,
    ImmutableArray<string> Architectures,
    string Workload,
    ImmutableArray<string> Sets,
    ImmutableArray<int> Freezes,
    ImmutableArray<int> Ranks,
    ImmutableArray<SweepVariable> Vary,
    PartitionSpec? Partition)
{
    /// <summary>See <see cref="SweepPlan.MaxAccuracyDrop"/>.</summary>
    public double? MaxAccuracyDrop { get; init; }

    public const string FreezeKey = "freeze";
    public const string RankKey = "rank";

    /// <summary><c>sweep freeze</c>: x = from..to inclusive.</summary>
    public static SweepDefinition Freeze(IEnumerable<string> architectures, string workload, IEnumerable<string> sets, int from, int to)
    {
        if (from < 0 || to < from)
        {
            throw Usage("--from/--to", $"{from}..{to}", "expected 0 <= from <= to");
        }

        return new(SweepKind.Freeze, [.. architectures], workload, [.. sets], [.. Enumerable.Range(from, to - from + 1)], [], [], null);
    }

    /// <summary><c>sweep rank</c>: the listed ranks in the given order (0 = no branch).</summary>
    public static SweepDefinition Rank(IEnumerable<string> architectures, string workload, IEnumerable<string> sets, IEnumerable<int> ranks)
    {
        var list = ranks.ToImmutableArray();
        if (list.IsEmpty || list.Any(r => r < 0) || list.Distinct().Count() != list.Length)
        {
            throw Usage("--ranks", string.Join(",", list), "expected distinct ranks >= 0 (0 = no branch), e.g. --ranks 0,1,2,4,8");
        }

        return new(SweepKind.Rank, [.. architectures], workload, [.. sets], [], list, [], null);
    }

    /// <summary><c>sweep grid</c>: every combination of the <c>--vary</c> values (a <c>freeze</c> or <c>rank</c> key sweeps the partition).</summary>
    public static SweepDefinition Grid(IEnumerable<string> architectures, string workload, IEnumerable<string> sets, IEnumerable<SweepVariable> vary, PartitionSpec? partition)
    {
        var list = vary.ToImmutableArray();
        if (list.IsEmpty)
        {
            throw Usage("--vary", "", "expected at least one --vary KEY=V1,V2,...");
        }

        var repeated = list.GroupBy(v => v.Key, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw Usage("--vary", repeated.Key, "key varied twice; give all its values in one --vary");
        }

        var partitionKeys = list.Where(v => v.IsPartition).ToList();
        if (partitionKeys.Count > 1 || (partitionKeys.Count == 1 && partition is not null))
        {
            throw Usage("--vary", partitionKeys[0].Key, "vary one partition (freeze or rank) at most, and not together with --freeze/--rank");
        }

        foreach (var variable in partitionKeys)
        {
            foreach (var value in variable.Values)
            {
                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                {
                    throw Usage("--vary", $"{variable.Key}={value}", "expected a non-negative integer");
                }
            }
        }

        return new(SweepKind.Grid, [.. architectures], workload, [.. sets], [], [], list, partition);
    }

    /// <summary>The table's swept columns: <c>freeze</c>, <c>rank</c>, or the <c>--vary</c> keys in order.</summary>
    public ImmutableArray<string> SweptKeys => Kind switch
    {
        SweepKind.Freeze => [FreezeKey],
        SweepKind.Rank => [RankKey],
        _ => Vary.Select(v => v.Key).ToImmutableArray(),
    };

    /// <summary>
    /// All points, in a deterministic order (architectures as given, then combinations, then partitions), each key
    /// once, with the all-SRAM freeze-0 baseline of every group (and the rank-0 reference of rank sweeps) added when
    /// the requested points do not already contain it.
    /// </summary>
    public SweepPlan Expand(SweepBackend backend)
    {
        // Each input file is digested once, not once per point: planning costs hashing only.
        backend = backend.Cached();
        if (Architectures.IsEmpty)
        {
            throw Usage("--arch", "", "expected at least one --arch FILE");
        }

        var duplicate = Architectures.GroupBy(Path.GetFullPath).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw Usage("--arch", duplicate.First(), "architecture given twice");
        }

        var points = new List<SweepPoint>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);

        void Add(SweepPoint point)
        {
            if (byKey.TryGetValue(point.Key, out var at))
            {
                points[at] = points[at] with { InTable = points[at].InTable || point.InTable };
                return;
            }

            byKey[point.Key] = points.Count;
            points.Add(point);
        }

        foreach (var architecture in Architectures)
        {
            foreach (var combination in Combinations())
            {
                var overrides = Sets.Concat(combination.Where(v => v.Key is not (FreezeKey or RankKey)).Select(v => v.ToString())).ToImmutableArray();
                var group = architecture + "\n" + string.Join("\n", overrides);
                var fixedValues = combination.Where(v => v.Key is not (FreezeKey or RankKey)).ToImmutableArray();
                SweepPoint Make(PartitionSpec? partition, ImmutableArray<SweptValue> swept, bool inTable, string baselineKey, string? referenceKey) =>
                    new(PointKey.Compute(backend, architecture, Workload, partition, overrides), architecture, Workload, partition, overrides, swept, group, inTable, baselineKey, referenceKey);

                var baselineKey = PointKey.Compute(backend, architecture, Workload, PartitionSpec.Freeze(0), overrides);
                var referenceKey = Kind == SweepKind.Rank ? PointKey.Compute(backend, architecture, Workload, PartitionSpec.Rank(0), overrides) : null;
                var requested = Requested(combination).ToList();
                foreach (var (partition, swept) in requested)
                {
                    Add(Make(partition, swept, inTable: true, baselineKey, referenceKey));
                }

                // The references come after the requested points so that adding them never reorders the table.
                Add(Make(PartitionSpec.Freeze(0), BaselineSwept(fixedValues, combination), inTable: false, baselineKey, referenceKey));
                if (referenceKey is not null)
                {
                    Add(Make(PartitionSpec.Rank(0), [new SweptValue(RankKey, "0")], inTable: false, baselineKey, referenceKey));
                }
            }
        }

        return new SweepPlan(Kind, SweptKeys, [.. points]) { MaxAccuracyDrop = MaxAccuracyDrop };
    }

    /// <summary>Points a sweep of more than this many (per process: shard I/N counts its share) needs <c>--yes</c>.</summary>
    public const long ConfirmPoints = 10_000;

    /// <summary>Points no sweep may plan, even with <c>--yes</c> (its manifest alone would be hundreds of megabytes).</summary>
    public const long MaxPoints = 1_000_000;

    /// <summary>
    /// The number of points the plan will have at most (rows plus the freeze-0 baseline and, for rank sweeps, the rank-0
    /// reference of every combination), counted without expanding the plan.
    /// </summary>
    public long PlannedPoints()
    {
        var perCombination = Kind switch
        {
            SweepKind.Freeze => Freezes.Length + 1L,
            SweepKind.Rank => Ranks.Length + 2L,
            _ => 2,
        };
        var points = Architectures.Length * perCombination;
        foreach (var variable in Vary)
        {
            points = points > MaxPoints ? points : points * variable.Values.Length;
        }

        return points;
    }

    /// <summary>
    /// Refuses, before anything is expanded, a plan over <see cref="MaxPoints"/>, and one whose share for this process is
    /// over <see cref="ConfirmPoints"/> unless <paramref name="confirmed"/> (<c>--yes</c>).
    /// </summary>
    public void CheckSize(ShardSpec shard, bool confirmed)
    {
        ArgumentNullException.ThrowIfNull(shard);
        var points = PlannedPoints();
        var share = (points + shard.Count - 1) / shard.Count;
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        if (points > MaxPoints)
        {
            throw Usage("--vary", $"more than {N(MaxPoints)} points", $"this sweep plans more than {N(MaxPoints)} points (its rows and their freeze-0 baselines); at most {N(MaxPoints)} are allowed; split it into several sweeps with fewer values");
        }

        if (share > ConfirmPoints && !confirmed)
        {
            var perShard = shard.Count == 1 ? "" : $", shard {shard} about {N(share)} of them";
            var shards = (points + ConfirmPoints - 1) / ConfirmPoints;
            throw Usage("--yes", $"{N(points)} points", $"this sweep plans up to {N(points)} points (rows and their freeze-0 baselines){perShard}, more than {N(ConfirmPoints)} per process; add --yes to run them, or split the work with --shard I/{shards.ToString(CultureInfo.InvariantCulture)} (or more shards)");
        }
    }

    /// <summary>
    /// Checks the fixed <c>--set</c> overrides and every <c>--vary</c> key against each architecture once (unknown keys
    /// with a did-you-mean), so that a typo is one error up front rather than a failure at every point.
    /// </summary>
    public void CheckOverrides(SweepBackend backend)
    {
        if (backend.CheckOverrides is not { } check)
        {
            return;
        }

        var varied = Vary.Where(v => !v.IsPartition).ToList();
        foreach (var architecture in Architectures)
        {
            var overrides = Sets.Concat(varied.Select(v => $"{v.Key}={v.Values[0]}")).ToList();
            try
            {
                check(architecture, overrides);
            }
            catch (SpecException e)
            {
                throw new SpecException(e.Errors.Select(error =>
                {
                    if (error.File != Specs.Yaml.SpecOverride.FileName || error.Line < 1)
                    {
                        return error;
                    }

                    if (error.Line <= Sets.Length)
                    {
                        return new SpecError("--set", 0, 0, Sets[error.Line - 1], error.Message);
                    }

                    var variable = varied[error.Line - Sets.Length - 1];
                    return new SpecError("--vary", 0, 0, variable.Key, error.Message);
                }));
            }
        }
    }

    private ImmutableArray<SweptValue> BaselineSwept(ImmutableArray<SweptValue> fixedValues, ImmutableArray<SweptValue> combination) => Kind switch
    {
        SweepKind.Freeze => [new SweptValue(FreezeKey, "0")],
        SweepKind.Rank => [new SweptValue(RankKey, "baseline")],
        _ => combination.Select(v => v.Key == FreezeKey ? v with { Value = "0" } : v.Key == RankKey ? v with { Value = "baseline" } : v).ToImmutableArray(),
    };

    private IEnumerable<(PartitionSpec? Partition, ImmutableArray<SweptValue> Swept)> Requested(ImmutableArray<SweptValue> combination)
    {
        switch (Kind)
        {
            case SweepKind.Freeze:
                foreach (var x in Freezes)
                {
                    yield return (PartitionSpec.Freeze(x), [new SweptValue(FreezeKey, x.ToString(CultureInfo.InvariantCulture))]);
                }

                break;
            case SweepKind.Rank:
                foreach (var r in Ranks)
                {
                    yield return (PartitionSpec.Rank(r), [new SweptValue(RankKey, r.ToString(CultureInfo.InvariantCulture))]);
                }

                break;
            default:
                var partition = Partition;
                foreach (var value in combination)
                {
                    if (value.Key == FreezeKey)
                    {
                        partition = PartitionSpec.Freeze(int.Parse(value.Value, CultureInfo.InvariantCulture));
                    }
                    else if (value.Key == RankKey)
                    {
                        partition = PartitionSpec.Rank(int.Parse(value.Value, CultureInfo.InvariantCulture));
                    }
                }

                yield return (partition, combination);
                break;
        }
    }

    /// <summary>The cartesian product of the <c>--vary</c> values, first key outermost (one empty combination without --vary).</summary>
    private IEnumerable<ImmutableArray<SweptValue>> Combinations()
    {
        IEnumerable<ImmutableArray<SweptValue>> result = [ImmutableArray<SweptValue>.Empty];
        foreach (var variable in Vary)
        {
            result = result.SelectMany(prefix => variable.Values.Select(value => prefix.Add(new SweptValue(variable.Key, value)))).ToList();
        }

        return result;
    }

    private static SpecException Usage(string option, string value, string message) => new(new SpecError(option, 0, 0, value, message));
}
