using System.Collections.Immutable;
using HybridSim.Functional.Export;
using HybridSim.Functional.Import;
using HybridSim.Functional.Tests.Import;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Export;

/// <summary>export-onnx as the inverse of import: import → export → import gives the same layers and the same weights, bit for bit.</summary>
public sealed class OnnxExporterTests
{
    private static ImportResult RoundTrip(WorkloadSpec workload, IReadOnlyList<NamedArray> weights, out OnnxExport export)
    {
        using var dir = new TempDirectory();
        export = OnnxExporter.Export(workload, weights, "weights.npz");
        return OnnxImporter.Import(dir.File("back.onnx", export.Model), workload.Name);
    }

    /// <summary>The workload text without its comment lines (they name the source file and producer).</summary>
    private static string Body(string yaml) => string.Join("\n", yaml.Split('\n').Where(l => !l.StartsWith('#')));

    private static void AssertSameWeights(IReadOnlyList<NamedArray> expected, IReadOnlyList<NamedArray> actual)
    {
        Assert.Equal(expected.Select(w => w.Name), actual.Select(w => w.Name));
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal(e.Shape.ToArray(), a.Shape.ToArray());
            Assert.Equal(e.Data, a.Data);
        }
    }

    [Theory]
    [MemberData(nameof(PyTorchExportTests.Fixtures), MemberType = typeof(PyTorchExportTests))]
    public void Import_export_import_of_an_exporter_fixture_gives_identical_layers_and_weights(string name)
    {
        var first = OnnxImporter.Import(PyTorchExportTests.Fixture(name + ".onnx"), name);
        var workload = WorkloadLoader.Parse(first.WorkloadYaml, name + ".yaml");

        var second = RoundTrip(workload, first.Weights, out _);

        Assert.Equal(Body(first.WorkloadYaml), Body(second.WorkloadYaml));
        AssertSameWeights(first.Weights, second.Weights);
    }

    [Fact]
    public void A_zoo_workload_with_its_committed_weights_comes_back_layer_for_layer()
    {
        var workload = WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", "cnn-digits.yaml"));
        var weights = NpzFile.Read(Path.Combine(RepositoryPaths.Root, "weights", "cnn-digits.npz"));

        var back = WorkloadLoader.Parse(RoundTrip(workload, weights, out _).WorkloadYaml, "back.yaml");
        var weightsBack = RoundTrip(workload, weights, out _).Weights.ToDictionary(w => w.Name);

        Assert.Equal(workload.Layers.Select(l => (l.Name, l.Kind, l.OutputShape)), back.Layers.Select(l => (l.Name, l.Kind, l.OutputShape)));
        foreach (var w in weights)
        {
            Assert.Equal(w.Data, weightsBack[w.Name].Data);
        }
    }

    [Fact]
    public void A_LoBranch_branch_is_merged_into_the_weight_as_W_plus_B_A()
    {
        var workload = WorkloadLoader.Parse("name: tiny\ninput: [2, 1, 1]\nlayers:\n  - {name: fc, kind: fc, out_features: 2}\n", "tiny.yaml");
        NamedArray[] weights =
        [
            new("fc.weight", ImmutableArray.Create(2, 2), [1f, 0f, 0f, 1f]),
            new("fc.bias", ImmutableArray.Create(2), [0.5f, -0.5f]),
            new("fc.lobranch_a", ImmutableArray.Create(1, 2), [1f, 2f]),
            new("fc.lobranch_b", ImmutableArray.Create(2, 1), [1f, 3f]),
        ];

        var back = RoundTrip(workload, weights, out var export);

        // W + B·A = [[1, 0], [0, 1]] + [[1], [3]]·[[1, 2]] = [[2, 2], [3, 7]]
        Assert.Equal([2f, 2f, 3f, 7f], back.Weights.Single(w => w.Name == "fc.weight").Data);
        Assert.Equal([0.5f, -0.5f], back.Weights.Single(w => w.Name == "fc.bias").Data);
        Assert.Contains(export.Notes, n => n.Contains("rank-1 LoBranch branch merged", StringComparison.Ordinal));
    }

    [Fact]
    public void Dataset_mean_and_std_become_Sub_and_Div_at_the_input_and_come_back_as_the_dataset_block()
    {
        var workload = WorkloadLoader.Parse(
            "name: n\ninput: [2, 2, 2]\ndataset: {mean: [0.25, 0.5], std: [2, 4]}\nlayers:\n  - {name: flat, kind: flatten}\n  - {name: fc, kind: fc, out_features: 1}\n", "n.yaml");
        NamedArray[] weights = [new("fc.weight", ImmutableArray.Create(1, 8), [1, 2, 3, 4, 5, 6, 7, 8]), new("fc.bias", ImmutableArray.Create(1), [0f])];

        var back = RoundTrip(workload, weights, out _);

        Assert.Contains("dataset: {mean: [0.25, 0.5], std: [2, 4]}\n", back.WorkloadYaml, StringComparison.Ordinal);
    }

    [Fact]
    public void An_add_with_pad_shortcut_is_an_error_naming_the_layer()
    {
        var workload = WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", "resnet20-cifar.yaml"));
        Assert.Contains(workload.Layers, l => l.PadShortcut);
        var network = HybridSim.Functional.Network.FunctionalNetwork.Create(workload);
        network.Initialize(1);

        var e = Assert.Throws<SpecException>(() => OnnxExporter.Export(workload, network.SaveWeights(), "w.npz"));

        Assert.Contains("pad_shortcut", e.Message, StringComparison.Ordinal);
        Assert.Contains(workload.Layers.First(l => l.PadShortcut).Name, e.Message, StringComparison.Ordinal);
    }
}
