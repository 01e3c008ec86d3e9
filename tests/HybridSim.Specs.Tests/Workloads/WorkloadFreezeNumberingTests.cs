using HybridSim.Specs.Workloads;

namespace HybridSim.Specs.Tests.Workloads;

public sealed class WorkloadFreezeNumberingTests
{
    // A stem conv and one downsampling residual block with a projection written before the block's convs.
    private const string BlockWithProjection = """
        name: block
        input: [8, 8, 8]
        layers:
          - {name: stem, kind: conv, out_channels: 8, kernel: 3, padding: 1}
          - {name: proj, kind: conv, out_channels: 16, kernel: 1, stride: 2, inputs: [stem], shortcut_of: b.conv1}
          - {name: b.conv1, kind: conv, out_channels: 16, kernel: 3, stride: 2, padding: 1, inputs: [stem]}
          - {name: b.conv2, kind: conv, out_channels: 16, kernel: 3, padding: 1}
          - {name: b.add, kind: add, inputs: [b.conv2, proj]}
          - {name: pool, kind: global_avgpool}
          - {name: fc, kind: fc, out_features: 10}
        """;

    [Fact]
    public void Projection_takes_the_index_of_its_blocks_first_conv_and_adds_no_position()
    {
        var workload = WorkloadLoader.Parse(BlockWithProjection, "block.yaml");

        Assert.Equal(4, workload.WeightLayerCount);
        Assert.Equal(5, workload.WeightLayers.Count());
        var proj = workload.Layer("proj");
        Assert.True(proj.IsProjection);
        Assert.Equal("b.conv1", proj.ShortcutOf);
        Assert.Equal(2, proj.WeightLayerIndex);
        Assert.Equal((1, 2, 3, 4), (
            workload.Layer("stem").WeightLayerIndex,
            workload.Layer("b.conv1").WeightLayerIndex,
            workload.Layer("b.conv2").WeightLayerIndex,
            workload.Layer("fc").WeightLayerIndex));
        Assert.False(workload.Layer("b.conv1").IsProjection);
    }

    [Fact]
    public void Projection_is_counted_in_parameters()
    {
        var workload = WorkloadLoader.Parse(BlockWithProjection, "block.yaml");

        // stem 3*3*8*8 = 576; proj 8*16 = 128; b.conv1 3*3*8*16 = 1152; b.conv2 3*3*16*16 = 2304; fc 16*10 + 10 = 170.
        Assert.Equal(4330L, workload.ParameterCount);
        Assert.Equal(128L, workload.Layer("proj").ParameterCount);
    }
}
