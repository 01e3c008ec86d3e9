using HybridSim.Compiler.Partitioning;
using HybridSim.Functional.Data;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Inference;

/// <summary>The fixed-point model on real layers: grouped and depthwise convs, folded batch norms, a pooled fc, a branch.</summary>
public sealed class FixedPointModelTests
{
    private const string Yaml =
        "name: small\n" +
        "input: [4, 6, 6]\n" +
        "layers:\n" +
        "  - {name: c1, kind: conv, out_channels: 8, kernel: 3, padding: 1, groups: 2}\n" +
        "  - {name: bn1, kind: batchnorm}\n" +
        "  - {name: r1, kind: activation, activation: relu}\n" +
        "  - {name: dw, kind: conv, out_channels: 8, kernel: 3, stride: 2, padding: 1, groups: 8, bias: true, activation: relu}\n" +
        "  - {name: pool, kind: maxpool, kernel: 3}\n" +
        "  - {name: flat, kind: flatten}\n" +
        "  - {name: fc, kind: fc, out_features: 5}\n";

    private static readonly WorkloadSpec Workload = WorkloadLoader.Parse(Yaml, "small.yaml");

    private static FunctionalNetwork Network(IReadOnlyDictionary<string, int>? ranks = null)
    {
        var network = FunctionalNetwork.Create(Workload, ranks);
        network.Initialize(3);
        var random = new Random(5);
        foreach (var p in network.Parameters)
        {
            // Batch-norm statistics and the branch away from their initial values, so folding and the branch matter.
            if (p.Name.EndsWith("running_var", StringComparison.Ordinal))
            {
                Fill(p.Value, random, 0.5, 1.5);
            }
            else if (p.Name.StartsWith("bn1.", StringComparison.Ordinal) || p.Name.EndsWith(".bias", StringComparison.Ordinal) || p.Name.Contains("lobranch", StringComparison.Ordinal))
            {
                Fill(p.Value, random, -0.5, 0.5);
            }
        }

        return network;
    }

    private static void Fill(float[] values, Random random, double lo, double hi)
    {
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(lo + ((hi - lo) * random.NextDouble()));
        }
    }

    private static Dataset Data(int count)
    {
        var random = new Random(11);
        var images = new float[count * 4 * 36];
        Fill(images, random, 0, 1);
        return new Dataset("random", "test", 4, 6, 6, 5, images, new int[count]);
    }

    private static ArchitectureSpec Arch(string file, params string[] sets) => ArchitectureLoader.Load(RepositoryPaths.Arch(file), sets);

    private static Tensor Input(Dataset d) => new(d.Count, 4, 6, 6, (float[])d.Images.Clone());

    [Theory]
    [InlineData("im2col")]
    [InlineData("per-offset")]
    public void Exact_path_equals_the_fast_path_bit_for_bit_with_an_ideal_device_and_a_wide_adc(string mapping)
    {
        var arch = Arch("puma.yaml", "adc_bits=9", "conv_mapping=" + mapping);
        var network = Network();
        var data = Data(6);
        var model = FixedPointModel.Prepare(arch, network, PartitionPlanner.Plan(arch, Workload, PartitionSpec.Freeze(3)), data);
        var exact = model.Forward(Input(data), model.Program(1, InferencePath.Exact), InferencePath.Exact, 0);
        var fast = model.Forward(Input(data), model.Ideal(), InferencePath.Fast, 0);
        Assert.Equal(fast.Data, exact.Data);
    }

    [Theory]
    [InlineData("hyperx-128-8b.yaml")]
    [InlineData("hyperx-64-16b.yaml")]
    public void Fast_path_equals_the_exact_path_bit_for_bit_where_every_conversion_reads_few_rows(string file)
    {
        // Per-offset mapping of 2- and 4-channel convs and a 3-input fc: every row block has at most 4 rows, so the
        // fast path reads all of them through conversion tables; the shipped device (IR drop, no read noise) with
        // 0.3 levels of variation (at the shipped 0.06 the ADC rounds every error away) gives the exact path's outputs.
        var workload = WorkloadLoader.Parse("""
            name: narrow
            input: [2, 5, 5]
            layers:
              - {name: c1, kind: conv, out_channels: 4, kernel: 3, padding: 1, activation: relu}
              - {name: c2, kind: conv, out_channels: 3, kernel: 3, stride: 2, bias: true}
              - {name: pool, kind: global_avgpool}
              - {name: flat, kind: flatten}
              - {name: fc, kind: fc, out_features: 5}
            """, "narrow.yaml");
        var arch = Arch(file, "tiles.analog.core.mvmu.device.programming_sigma=0.3");
        var network = FunctionalNetwork.Create(workload);
        network.Initialize(7);
        var random = new Random(13);
        var images = new float[6 * 50];
        Fill(images, random, 0, 1);
        var data = new Dataset("random", "test", 2, 5, 5, 5, images, new int[6]);
        var model = FixedPointModel.Prepare(arch, network, PartitionPlanner.Plan(arch, workload, PartitionSpec.Freeze(3)), data);
        var input = new Tensor(6, 2, 5, 5, (float[])images.Clone());

        var exact = model.Forward(input, model.Program(2, InferencePath.Exact), InferencePath.Exact, 0).Data;
        var fast = model.Forward(input, model.Program(2, InferencePath.Fast), InferencePath.Fast, 0).Data;
        var ideal = model.Forward(input, model.Ideal(), InferencePath.Fast, 0).Data;

        Assert.Equal(exact, fast);
        Assert.NotEqual(ideal, fast); // the chip's errors are there, not an ideal device
    }

    [Theory]
    [InlineData("hyperx-128-16b.yaml", 0)]
    [InlineData("hyperx-128-16b.yaml", 3)]
    [InlineData("hyperx-64-16b.yaml", 2)]
    public void Sixteen_bit_fixed_point_follows_the_float_model_with_batch_norms_folded(string file, int freeze)
    {
        var arch = Arch(file);
        var network = Network();
        var data = Data(6);
        var model = FixedPointModel.Prepare(arch, network, PartitionPlanner.Plan(arch, Workload, PartitionSpec.Freeze(freeze)), data);
        var quantized = model.Forward(Input(data), model.Ideal(), InferencePath.Fast, 0).Data;
        var reference = network.Forward(Input(data), ForwardMode.Inference).Data;
        var scale = reference.Max(Math.Abs);
        for (var i = 0; i < reference.Length; i++)
        {
            Assert.True(Math.Abs(quantized[i] - reference[i]) < 2e-3 * scale, $"logit {i}: {quantized[i]} vs {reference[i]}");
        }
    }

    [Fact]
    public void A_lobranch_branch_is_computed_beside_the_analog_layer()
    {
        var arch = Arch("lobranch-3d.yaml");
        var ranks = new Dictionary<string, int> { ["c1"] = 2, ["dw"] = 2, ["fc"] = 2 };
        var network = Network(ranks);
        var data = Data(6);
        var model = FixedPointModel.Prepare(arch, network, PartitionPlanner.Plan(arch, Workload, PartitionSpec.Rank(2)), data);
        var quantized = model.Forward(Input(data), model.Ideal(), InferencePath.Fast, 0).Data;
        var reference = network.Forward(Input(data), ForwardMode.Inference).Data;
        var scale = reference.Max(Math.Abs);
        var worst = reference.Select((r, i) => Math.Abs(quantized[i] - r)).Max();
        Assert.True(worst < 0.1 * scale, $"8-bit fixed point with branches is {worst} from the float model (scale {scale})");

        // Without the branch the output differs: the branch is really there.
        var noBranch = Network();
        var plain = noBranch.Forward(Input(data), ForwardMode.Inference).Data;
        Assert.NotEqual(plain, reference);
    }

    [Fact]
    public void A_chip_is_the_same_on_one_thread_and_on_several()
    {
        var arch = Arch("hyperx-128-8b.yaml");
        var network = Network();
        var data = Data(4);
        var model = FixedPointModel.Prepare(arch, network, PartitionPlanner.Plan(arch, Workload, PartitionSpec.Freeze(3)), data);
        var many = model.Forward(Input(data), model.Program(9, InferencePath.Exact), InferencePath.Exact, 0).Data;
        Parallelism.MaxDegreeOfParallelism = 1;
        try
        {
            var one = model.Forward(Input(data), model.Program(9, InferencePath.Exact), InferencePath.Exact, 0).Data;
            Assert.Equal(many, one);
        }
        finally
        {
            Parallelism.MaxDegreeOfParallelism = -1;
        }
    }

    [Fact]
    public void Read_noise_is_drawn_per_sample_so_batching_does_not_change_it()
    {
        var arch = Arch("hyperx-64-8b.yaml", "tiles.analog.core.mvmu.device.read_noise_sigma=0.5");
        var network = Network();
        var data = Data(4);
        var model = FixedPointModel.Prepare(arch, network, PartitionPlanner.Plan(arch, Workload, PartitionSpec.Freeze(3)), data);
        foreach (var path in new[] { InferencePath.Exact, InferencePath.Fast })
        {
            var chip = model.Program(4, path);
            var whole = model.Forward(Input(data), chip, path, 0).Data;
            var second = model.Forward(Input(data.Take(4) with { Images = data.Images[(2 * 144)..], Labels = new int[2] }), chip, path, 2).Data;
            Assert.Equal(whole[(2 * 5)..], second);
        }
    }

    [Theory]
    [InlineData("hyperx-128-8b.yaml")]
    [InlineData("hyperx-64-16b.yaml")]
    [InlineData("lobranch-3d.yaml")]
    public void The_exact_path_column_sums_by_gemm_equal_the_row_by_row_sums_bit_for_bit(string file)
    {
        // Programming variation, read noise and IR drop make every cell a non-integer conductance.
        var arch = Arch(file, "tiles.analog.core.mvmu.device.read_noise_sigma=0.3");
        var network = Network();
        var data = Data(3);
        var model = FixedPointModel.Prepare(arch, network, PartitionPlanner.Plan(arch, Workload, PartitionSpec.Freeze(3)), data);
        var chip = model.Program(7, InferencePath.Exact);
        var byGemm = model.Forward(Input(data), chip, InferencePath.Exact, 0).Data;
        MatrixKernel.UseGemmForBinaryDigits = false;
        try
        {
            var byRows = model.Forward(Input(data), chip, InferencePath.Exact, 0).Data;
            Assert.Equal(byRows, byGemm);
        }
        finally
        {
            MatrixKernel.UseGemmForBinaryDigits = true;
        }
    }
}
