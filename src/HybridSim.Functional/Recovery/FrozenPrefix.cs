using System.Collections.Immutable;
using HybridSim.Compiler.Partitioning;
using HybridSim.Functional.Data;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Recovery;

/// <summary>
/// The frozen part of a freeze-x network on one chip: the analog layers 1..x, the batch norms folded into them, and
/// every layer without weights that reads only frozen layers (or the input). Nothing in it changes while the SRAM
/// layers retrain, and training samples are not augmented, so its outputs for each training sample are computed
/// once on the chip (read noise addressed by the sample's index, as in evaluation) and replayed: the cached tensor
/// is the uncached computation's, bit for bit (<see cref="Uncached"/> recomputes it, for tests).
/// </summary>
public sealed class FrozenPrefix
{
    private readonly FixedPointModel _model;
    private readonly FixedPointChip _chip;
    private readonly InferencePath _path;
    private readonly Dataset _train;
    private readonly Dictionary<int, float[]> _cache = [];

    private FrozenPrefix(FixedPointModel model, FixedPointChip chip, InferencePath path, Dataset train, ImmutableSortedSet<int> frozen, ImmutableSortedSet<int> boundary)
    {
        _model = model;
        _chip = chip;
        _path = path;
        _train = train;
        Frozen = frozen;
        Boundary = boundary;
    }

    /// <summary>Layer indices that do not change during retraining.</summary>
    public ImmutableSortedSet<int> Frozen { get; }

    /// <summary>Frozen layers read by a trainable layer: the ones whose outputs are cached.</summary>
    public ImmutableSortedSet<int> Boundary { get; }

    /// <summary>Layers a pass needs to reach every cached output (layers are in execution order).</summary>
    private int PrefixLength => Boundary.IsEmpty ? 1 : Boundary.Max + 1;

    /// <summary>Bytes the cache holds for the training set.</summary>
    public long CacheBytes => Boundary.Sum(i => (long)_model.Network.Workload.Layers[i].OutputShape.Elements * _train.Count * sizeof(float));

    /// <summary>The frozen layers of <paramref name="plan"/>: analog layers must form a prefix of the graph (freeze-x).</summary>
    public static ImmutableSortedSet<int> FrozenLayers(WorkloadSpec workload, ImmutableArray<LayerPartition?> plan, IReadOnlySet<int> foldedBatchNorms)
    {
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(foldedBatchNorms);
        var byName = workload.Layers.Select((l, i) => (l.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        var frozen = new SortedSet<int>();
        if (!plan.Any(p => p is { Placement: TileKind.Analog }))
        {
            return [];
        }

        for (var i = 0; i < workload.Layers.Length; i++)
        {
            var layer = workload.Layers[i];
            var inputsFrozen = layer.Inputs.All(n => n == "input" || frozen.Contains(byName[n]));
            if (layer.HasWeights)
            {
                if (plan[i] is { Placement: TileKind.Analog })
                {
                    if (!inputsFrozen)
                    {
                        throw RecoveryRunner.Input("--recover", "retrain", $"analog layer '{layer.Name}' reads a trainable layer: retraining needs the RRAM layers first (a freeze-x partition)");
                    }

                    frozen.Add(i);
                }
            }
            else if (inputsFrozen)
            {
                frozen.Add(i);
            }
        }

        // A batch norm folded into a frozen layer is part of it.
        foreach (var b in foldedBatchNorms)
        {
            var input = workload.Layers[b].Inputs.Single();
            if (input != "input" && frozen.Contains(byName[input]))
            {
                frozen.Add(b);
            }
        }

        return [.. frozen];
    }

    /// <summary>Computes the frozen outputs of every training sample on <paramref name="chip"/>.</summary>
    public static FrozenPrefix Build(FixedPointModel model, FixedPointChip chip, InferencePath path, ImmutableArray<LayerPartition?> plan, Dataset train, int batchSize, long maxCacheBytes)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(chip);
        ArgumentNullException.ThrowIfNull(train);
        var workload = model.Network.Workload;
        var frozen = FrozenLayers(workload, plan, model.FoldedBatchNorms);
        var boundary = frozen.Where(i => Enumerable.Range(0, workload.Layers.Length).Any(j => !frozen.Contains(j) && workload.Layers[j].Inputs.Contains(workload.Layers[i].Name)))
            .ToImmutableSortedSet();
        var prefix = new FrozenPrefix(model, chip, path, train, frozen, boundary);
        if (prefix.CacheBytes > maxCacheBytes)
        {
            throw RecoveryRunner.Input("--train-limit", train.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), $"the frozen layers' outputs for {train.Count} training samples take {prefix.CacheBytes / (1 << 20)} MiB, over the limit of {maxCacheBytes / (1 << 20)} MiB; train on fewer samples (--train-limit)");
        }

        foreach (var b in boundary)
        {
            prefix._cache[b] = new float[checked((int)(workload.Layers[b].OutputShape.Elements * train.Count))];
        }

        // Only the layers up to the last cached one run: the trainable rest is not needed here.
        if (boundary.IsEmpty)
        {
            return prefix;
        }

        FixedPointModel.ForEachBatch(train, batchSize, (input, start) =>
            model.ForwardPrefix(input, chip, path, start, prefix.PrefixLength, (index, output) =>
            {
                if (prefix._cache.TryGetValue(index, out var cache))
                {
                    output.Data.CopyTo(cache, (long)start * output.SampleSize);
                }
            }));
        return prefix;
    }

    /// <summary>The cached frozen outputs of training samples <paramref name="samples"/>, by boundary layer.</summary>
    public IReadOnlyDictionary<int, Tensor> Cached(ReadOnlySpan<int> samples)
    {
        var result = new Dictionary<int, Tensor>();
        foreach (var (index, cache) in _cache)
        {
            var shape = _model.Network.Workload.Layers[index].OutputShape;
            var tensor = new Tensor(samples.Length, shape.Channels, shape.Height, shape.Width);
            var size = tensor.SampleSize;
            for (var i = 0; i < samples.Length; i++)
            {
                cache.AsSpan(samples[i] * size, size).CopyTo(tensor.Sample(i));
            }

            result[index] = tensor;
        }

        return result;
    }

    /// <summary>The same tensors computed now, one sample at a time on the chip: the reference the cache must equal.</summary>
    public IReadOnlyDictionary<int, Tensor> Uncached(ReadOnlySpan<int> samples)
    {
        var n = samples.Length;
        var result = Boundary.ToDictionary(i => i, i =>
        {
            var shape = _model.Network.Workload.Layers[i].OutputShape;
            return new Tensor(n, shape.Channels, shape.Height, shape.Width);
        });
        for (var s = 0; s < samples.Length; s++)
        {
            var sample = samples[s];
            var input = new Tensor(1, _train.Channels, _train.Height, _train.Width, _train.Image(sample).ToArray());
            var position = s;
            _model.ForwardPrefix(input, _chip, _path, sample, PrefixLength, (index, output) =>
            {
                if (result.TryGetValue(index, out var tensor))
                {
                    output.Data.CopyTo(tensor.Sample(position));
                }
            });
        }

        return result;
    }
}
