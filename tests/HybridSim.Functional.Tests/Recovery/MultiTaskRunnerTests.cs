using HybridSim.Functional.Evaluation;
using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Recovery;
using HybridSim.Functional.Training;
using HybridSim.Specs.Architecture;

namespace HybridSim.Functional.Tests.Recovery;

public sealed class MultiTaskRunnerTests(TrainedDigitsCnn cnn) : IClassFixture<TrainedDigitsCnn>
{
    [Fact]
    public void Tasks_share_one_w_and_each_gets_its_own_branch_and_report()
    {
        var architecture = ArchitectureLoader.Load(RepositoryPaths.Arch("lobranch-3d.yaml"), []);
        var network = cnn.Network(rank: 2);
        var tasks = new[] { TaskSpec.Parse("digits@0-4"), TaskSpec.Parse("digits@5,6,7-9") }.Select(t => (t, t.Select(cnn.Data))).ToList();
        var saved = new List<(string Name, FunctionalNetwork Network)>();
        var options = new RecoveryOptions(RecoveryMethod.Alg2, TrainingOptions.Default with { Epochs = 1 }, new EvaluationOptions(1, 1, InferencePath.Fast, null),
            RecoveryOptions.DefaultBranchLearningRate);

        var results = MultiTaskRunner.Run(architecture, network, PartitionSpec.Rank(2), tasks, options, null, (name, n) =>
        {
            saved.Add((name, n.Clone()));
            return null;
        });

        Assert.Equal(2, results.Length);
        Assert.Equal(cnn.Data.Test.Labels.Count(l => l < 5), results[0].WithBranch.Samples);
        Assert.Equal(cnn.Data.Test.Labels.Count(l => l >= 5), results[1].WithBranch.Samples);
        // Conv 16x1x3x3 and 32x16x3x3, fc 10x512: W on RRAM; A (2 x in) and B (out x 2) per layer in SRAM.
        Assert.Equal(144 + 4608 + 5120, results[0].RramWeightsRewritten);
        Assert.Equal((2 * 9) + (16 * 2) + (2 * 144) + (32 * 2) + (2 * 512) + (10 * 2), results[0].BranchWeightsWritten);
        Assert.Equal(["task-0-instance-0", "task-1-instance-0"], saved.Select(s => s.Name));
        foreach (var p in network.Parameters)
        {
            var a = saved[0].Network.Parameter(p.Name).Value;
            var b = saved[1].Network.Parameter(p.Name).Value;
            if (p.Name.Contains(".lobranch_", StringComparison.Ordinal))
            {
                Assert.NotEqual(a, b);
            }
            else
            {
                Assert.Equal(p.Value, a);
                Assert.Equal(p.Value, b);
            }
        }
    }

    [Theory]
    [InlineData("digits@", "expected DATA or DATA@CLASSES")]
    [InlineData("digits@a-b", "is not a class or a range")]
    [InlineData("digits@9-12", "class 10 does not exist")]
    public void Bad_task_specs_name_what_was_expected(string text, string message)
    {
        var e = Assert.Throws<HybridSim.Specs.Validation.SpecException>(() => TaskSpec.Parse(text).Select(cnn.Data));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }
}
