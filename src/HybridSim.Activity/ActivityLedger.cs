using System.Collections.Immutable;
using HybridSim.Specs.Architecture;

namespace HybridSim.Activity;

/// <summary>
/// What the hardware models did, with no energy in it: action counts per (component, action, tile kind, layer),
/// powered time per level, busy time per unit kind, and when each layer first started and last finished.
/// Counting is by slot: a model registers its keys once (<see cref="Slot"/>) and then adds into flat arrays,
/// so the simulation's hot loop neither hashes nor allocates.
/// </summary>
public sealed class ActivityLedger
{
    private const int ScopeCount = 5;
    private const int KindCount = 2;

    private readonly int _layerSlots;
    private readonly List<ActivityKey> _keys = [];
    private readonly Dictionary<ActivityKey, int> _slots = [];
    private long[] _counts;
    private readonly long[] _poweredPs = new long[ScopeCount * KindCount];
    private readonly long[] _busyPs = new long[Enum.GetValues<UnitKind>().Length];
    private readonly int[] _units = new int[Enum.GetValues<UnitKind>().Length];
    private readonly long[] _layerStart;
    private readonly long[] _layerEnd;
    private readonly List<long> _inferenceEnds = [];

    /// <param name="layerCount">Number of workload layers; counts are kept for layers 0..layerCount-1 and for -1 (no layer).</param>
    /// <param name="cyclePicoseconds">Picoseconds per clock cycle of the simulated architecture (its clock's period).</param>
    public ActivityLedger(int layerCount, long cyclePicoseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(layerCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cyclePicoseconds);
        LayerCount = layerCount;
        CyclePicoseconds = cyclePicoseconds;
        _layerSlots = layerCount + 1;
        _counts = new long[16 * _layerSlots];
        _layerStart = new long[layerCount];
        _layerEnd = new long[layerCount];
        Array.Fill(_layerStart, long.MaxValue);
        Array.Fill(_layerEnd, long.MinValue);
    }

    public int LayerCount { get; }

    /// <summary>Simulated time at which the run ended (picoseconds).</summary>
    public long EndPicoseconds { get; set; }

    /// <summary>Picoseconds per clock cycle of the architecture that was simulated.</summary>
    public long CyclePicoseconds { get; }

    /// <summary>Every key registered, in registration order (deterministic for a deterministic model).</summary>
    public IReadOnlyList<ActivityKey> Keys => _keys;

    /// <summary>Completion time of each inference of a batch, in order (one entry for an unbatched run).</summary>
    public IReadOnlyList<long> InferenceEnds => _inferenceEnds;

    /// <summary>Finds or registers a key; the returned slot is valid for the ledger's lifetime.</summary>
    public int Slot(ActivityKey key)
    {
        if (_slots.TryGetValue(key, out var slot))
        {
            return slot;
        }

        slot = _keys.Count;
        _keys.Add(key);
        _slots.Add(key, slot);
        if ((slot + 1) * _layerSlots > _counts.Length)
        {
            Array.Resize(ref _counts, _counts.Length * 2);
        }

        return slot;
    }

    public int Slot(ActivityScope scope, TileKind kind, string component, string action) =>
        Slot(new ActivityKey(scope, kind, component, action));

    /// <summary>Adds <paramref name="count"/> actions on a slot for a layer (-1 for none).</summary>
    public void Add(int slot, int layer, long count) => _counts[(slot * _layerSlots) + layer + 1] += count;

    public long Count(int slot, int layer) => _counts[(slot * _layerSlots) + layer + 1];

    /// <summary>All counts of one key over every layer (and none).</summary>
    public long Total(ActivityKey key)
    {
        if (!_slots.TryGetValue(key, out var slot))
        {
            return 0;
        }

        long sum = 0;
        for (var i = 0; i < _layerSlots; i++)
        {
            sum += _counts[(slot * _layerSlots) + i];
        }

        return sum;
    }

    /// <summary>Adds powered time summed over the instances of one level (e.g. one core's life, or MVMUs × a core's life).</summary>
    public void AddPoweredTime(ActivityScope scope, TileKind kind, long picoseconds) =>
        _poweredPs[((int)scope * KindCount) + (int)kind] += picoseconds;

    /// <summary>Powered time summed over instances of a level, in picoseconds (instance-picoseconds).</summary>
    public long PoweredTime(ActivityScope scope, TileKind kind) => _poweredPs[((int)scope * KindCount) + (int)kind];

    /// <summary>Declares how many units of a kind exist, the denominator of its utilization.</summary>
    public void AddUnits(UnitKind unit, int count) => _units[(int)unit] += count;

    public int Units(UnitKind unit) => _units[(int)unit];

    public void AddBusy(UnitKind unit, long picoseconds) => _busyPs[(int)unit] += picoseconds;

    public long BusyTime(UnitKind unit) => _busyPs[(int)unit];

    /// <summary>Records that work of a layer ran from start to end (picoseconds); keeps the first start and last end.</summary>
    public void MarkLayer(int layer, long start, long end)
    {
        if (layer < 0)
        {
            return;
        }

        if (start < _layerStart[layer])
        {
            _layerStart[layer] = start;
        }

        if (end > _layerEnd[layer])
        {
            _layerEnd[layer] = end;
        }
    }

    /// <summary>First start and last end of a layer, or null when nothing of it ran.</summary>
    public (long Start, long End)? LayerSpan(int layer) =>
        _layerStart[layer] == long.MaxValue ? null : (_layerStart[layer], _layerEnd[layer]);

    public void AddInferenceEnd(long picoseconds) => _inferenceEnds.Add(picoseconds);

    /// <summary>Totals per key over all layers, for listings and tests.</summary>
    public ImmutableArray<(ActivityKey Key, long Count)> Totals() =>
        [.. _keys.Select(k => (k, Total(k)))];
}
