using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;
using HybridSim.Tests;

namespace HybridSim.Pipeline.Tests;

/// <summary>
/// The LoBranch rank curve's cost axis on lobranch-3d (docs/model.md 3.3): the SRAM-CIM macros are charged for what the
/// branch computes and reads, so the branch's energy grows with its rank.
/// </summary>
public sealed class LoBranchCostTests
{
    // lobranch-3d's figures (arch/lobranch-3d.yaml): mac 22.5 fJ, sram weight_read 0.01 pJ, input buffer read 0.7 pJ and
    // write 0.1 pJ, output buffer read and write 0.1 pJ.
    private const double Mac = 0.0225;
    private const double WeightRead = 0.01;
    private const double InputRead = 0.7;
    private const double InputWrite = 0.1;
    private const double OutputRead = 0.1;
    private const double OutputWrite = 0.1;

    /// <summary>
    /// One 1 × 1 convolution of 8 → 8 channels over a 2 × 2 map (4 output pixels), rank r: A is an 8 × r block, B an
    /// r × 8 block, each on one macro. Per pixel A does r passes of 8 MACs and B 8 passes of r MACs: 16r MACs and
    /// weight reads; A reads its 8 input rows and B its r (each loaded into the input buffer first: one write each);
    /// A writes r output columns and B 8 (each read once, when the core stores it).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void A_rank_r_branch_on_one_small_layer_costs_its_macs_weight_reads_and_rows_by_hand(int r)
    {
        using var dir = new TempDirectory();
        var workload = dir.File("one-conv.yaml", """
            name: one-conv
            input: [8, 2, 2]
            layers:
              - {name: conv, kind: conv, out_channels: 8, kernel: 1}
            """);
        var report = RunPipeline.Run(new RunRequest(Path.Combine(RepositoryPaths.Root, "arch", "lobranch-3d.yaml"), [], workload, PartitionSpec.Rank(r))).Report;
        var e = report.EnergyByComponentPj;

        const int Pixels = 4;
        var macs = Pixels * ((8 * r) + (r * 8));
        var inputRows = Pixels * (8 + r);
        var outputColumns = Pixels * (r + 8);
        Assert.Equal(macs * Mac, e["digital.mac"], 9);
        Assert.Equal(macs * WeightRead, e["digital.sram"], 9);
        Assert.Equal(inputRows * (InputRead + InputWrite), e["digital.input_buffer"], 9);
        Assert.Equal(outputColumns * (OutputWrite + OutputRead), e["digital.output_buffer"], 9);
        // rank 1: 1.44 + 0.64 + 28.8 + 7.2 = 38.08 pJ in the macros; rank 4: 5.76 + 2.56 + 38.4 + 9.6 = 56.32 pJ.
        var macros = e["digital.mac"] + e["digital.sram"] + e["digital.input_buffer"] + e["digital.output_buffer"];
        Assert.Equal(r == 1 ? 38.08 : 56.32, macros, 9);
    }

    public static TheoryData<string, int[]> Studies => new()
    {
        { "cnn-digits", [0, 1, 2, 4, 8, 16] },
        // ResNet-20's fc has min(in, out) = 10: above 10 every rank is clamped there, so the study stops at 10.
        { "resnet20-cifar", [0, 1, 2, 4, 8, 10] },
        { "resnet18-cifar", [0, 1, 2, 4, 8, 16] },
    };

    [Theory]
    [MemberData(nameof(Studies))]
    public void Dynamic_energy_overhead_rises_strictly_with_rank_on_lobranch_3d(string workload, int[] ranks)
    {
        var reports = ranks.Select(r => RunPipeline.Run(new RunRequest(
            Path.Combine(RepositoryPaths.Root, "arch", "lobranch-3d.yaml"), [], Path.Combine(RepositoryPaths.Root, "workloads", workload + ".yaml"), PartitionSpec.Rank(r))).Report).ToList();

        for (var i = 1; i < reports.Count; i++)
        {
            Assert.True(reports[i].DynamicEnergyPj > reports[i - 1].DynamicEnergyPj,
                $"{workload}: dynamic energy at rank {ranks[i]} ({reports[i].DynamicEnergyPj} pJ) is not above rank {ranks[i - 1]}'s ({reports[i - 1].DynamicEnergyPj} pJ)");
        }

        // What the macros compute grows with the rank: MAC and weight-read energy at rank 8 are 8 times rank 1's on cnn-digits
        // (no layer clamps there); on every workload they rise at every step.
        for (var i = 2; i < reports.Count; i++)
        {
            Assert.True(reports[i].EnergyByComponentPj["digital.mac"] > reports[i - 1].EnergyByComponentPj["digital.mac"]);
        }

        if (workload == "cnn-digits")
        {
            Assert.Equal(8 * reports[1].EnergyByComponentPj["digital.mac"], reports[4].EnergyByComponentPj["digital.mac"], 6);
        }
    }
}
