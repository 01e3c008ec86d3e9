using System.Reflection;
using HybridSim.Functional.Import;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Import;

/// <summary>
/// The real thing: ML.NET's ImageNet ResNet-18 featurizer (CNTK export, opset 8, no classifier head), restored by the
/// test project from NuGet (Microsoft.ML.DnnImageFeaturizer.ResNet18 0.23.1).
/// </summary>
public sealed class ResNet18ImportTests
{
    private static string ModelPath
    {
        get
        {
            var package = typeof(ResNet18ImportTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "ResNet18PackagePath").Value!;
            return Path.Combine(package, "tools", "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx");
        }
    }

    [Fact]
    public void ResNet18_onnx_imports_to_a_workload_that_loads_with_every_weight_in_shape()
    {
        Assert.True(File.Exists(ModelPath), $"restore did not bring {ModelPath}");

        var result = OnnxImporter.Import(ModelPath, "resnet18-featurizer");
        var workload = WorkloadLoader.Parse(result.WorkloadYaml, "resnet18-featurizer.yaml");

        // What the file holds: a 7x7/2 stem, max pooling, then 2, 2, 2 and 3 basic blocks (layer 4 has one block more
        // than torchvision's), projections opening stages 2 to 4, a 7x7 average pool and no fc.
        var convs = workload.Layers.Where(l => l.Kind == LayerKind.Conv).ToList();
        Assert.Equal(22, convs.Count);
        Assert.Equal(3, convs.Count(c => c.IsProjection));
        Assert.Equal(19, workload.WeightLayerCount);
        Assert.Equal(22, workload.Layers.Count(l => l.Kind == LayerKind.BatchNorm));
        Assert.Equal(9, workload.Layers.Count(l => l.Kind == LayerKind.Add));
        Assert.Empty(workload.Layers.Where(l => l.Kind == LayerKind.Fc));
        Assert.Equal(new TensorShape(3, 224, 224), workload.InputShape);
        Assert.Equal(new TensorShape(512, 1, 1), workload.Layers[^1].OutputShape);
        Assert.Equal(LayerKind.GlobalAvgPool, workload.Layers[^1].Kind);

        // Conv weights 15,885,504 (no biases) + batch-norm scale and shift 2 x 5,824 channels.
        Assert.Equal(15_897_152, workload.ParameterCount);
        Assert.Equal(22 + (22 * 4), result.Weights.Count);
        Assert.Equal(15_897_152 + (2 * 5_824), result.Weights.Sum(w => w.Elements));
        var byName = result.Weights.ToDictionary(w => w.Name);
        foreach (var conv in convs)
        {
            var w = byName[conv.Name + ".weight"];
            Assert.Equal([conv.OutChannels, conv.InputShape.Channels, conv.KernelHeight, conv.KernelWidth], w.Shape.ToArray());
            Assert.Equal(conv.MatrixRows * (long)conv.OutChannels, w.Elements);
        }

        var stem = convs[0];
        Assert.Equal((7, 2, 3, 64), (stem.KernelHeight, stem.Stride, stem.Padding, stem.OutChannels));
        Assert.Contains(result.Notes, n => n.Contains("pads [3, 3, 2, 2] give the same windows as padding 3", StringComparison.Ordinal));
        Assert.Contains("(ONNX opset 8, produced by CNTK)", result.WorkloadYaml, StringComparison.Ordinal);
        Assert.Contains("# Parameters: 15,897,152 ", result.WorkloadYaml, StringComparison.Ordinal);
    }
}
