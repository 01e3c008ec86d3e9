using System.Collections.Immutable;

namespace HybridSim.Specs.Workloads;

/// <summary>The spelling of workload files: layer kinds, activation names and the fields each kind takes.</summary>
internal static class WorkloadSchema
{
    /// <summary>Largest size, count or dimension a workload field may hold; far above any real network, it keeps
    /// every product of sizes inside the integer ranges used downstream.</summary>
    public const int MaxSize = 1_000_000;

    public static readonly ImmutableArray<string> TopLevelKeys = ["name", "description", "input", "dataset", "layers"];

    /// <summary>Keys of the optional <c>dataset:</c> block.</summary>
    public static readonly ImmutableArray<string> DatasetKeys = ["mean", "std", "pad"];

    /// <summary>Kind names in the order the documentation lists them.</summary>
    public static readonly ImmutableArray<(string Name, LayerKind Kind)> Kinds =
    [
        ("conv", LayerKind.Conv),
        ("fc", LayerKind.Fc),
        ("maxpool", LayerKind.MaxPool),
        ("avgpool", LayerKind.AvgPool),
        ("global_avgpool", LayerKind.GlobalAvgPool),
        ("batchnorm", LayerKind.BatchNorm),
        ("activation", LayerKind.Activation),
        ("add", LayerKind.Add),
        ("flatten", LayerKind.Flatten),
    ];

    public static readonly ImmutableArray<(string Name, ActivationKind Kind)> Activations =
    [
        ("relu", ActivationKind.Relu),
        ("relu6", ActivationKind.Relu6),
        ("sigmoid", ActivationKind.Sigmoid),
        ("tanh", ActivationKind.Tanh),
    ];

    /// <summary>Keys every layer may have.</summary>
    public static readonly ImmutableArray<string> CommonKeys = ["name", "kind", "inputs"];

    public static string KindName(LayerKind kind) => Kinds.First(k => k.Kind == kind).Name;

    /// <summary>"a conv", "an fc", "an add": the kind name with its article, for messages.</summary>
    public static string Article(LayerKind kind) =>
        (KindName(kind) is var name && (name[0] is 'a' or 'e' or 'i' or 'o' or 'u' || kind == LayerKind.Fc) ? "an " : "a ") + KindName(kind);

    /// <summary>Keys a layer of <paramref name="kind"/> takes besides <see cref="CommonKeys"/>.</summary>
    public static ImmutableArray<string> KeysOf(LayerKind kind) => kind switch
    {
        LayerKind.Conv => ["out_channels", "kernel", "stride", "padding", "groups", "bias", "activation", "rank", "shortcut_of"],
        LayerKind.Fc => ["out_features", "bias", "activation", "rank"],
        LayerKind.MaxPool or LayerKind.AvgPool => ["kernel", "stride", "padding"],
        LayerKind.Activation => ["activation"],
        LayerKind.Add => ["pad_shortcut"],
        _ => [],
    };

    /// <summary>Keys a layer of <paramref name="kind"/> must have besides <c>name</c> and <c>kind</c>.</summary>
    public static ImmutableArray<string> RequiredKeysOf(LayerKind kind) => kind switch
    {
        LayerKind.Conv => ["out_channels", "kernel"],
        LayerKind.Fc => ["out_features"],
        LayerKind.MaxPool or LayerKind.AvgPool => ["kernel"],
        LayerKind.Activation => ["activation"],
        _ => [],
    };

    /// <summary>All layer keys of any kind, for did-you-mean suggestions on a key no kind takes.</summary>
    public static ImmutableArray<string> AllLayerKeys =>
        [.. CommonKeys.Concat(Kinds.SelectMany(k => KeysOf(k.Kind))).Distinct()];
}
