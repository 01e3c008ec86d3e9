using HybridSim.Specs.Architecture;

namespace HybridSim.Sweeps.Tests;

public sealed class PointKeyTests
{
    [Fact]
    public void Same_inputs_give_the_same_key_and_it_names_the_partition()
    {
        using var dir = new TempDirectory();
        var arch = dir.File("a.yaml", "name: a\n");
        var backend = new FakeSimulator().Backend();

        var first = PointKey.Compute(backend, arch, "w", PartitionSpec.Freeze(3), ["x=1"]);
        var second = PointKey.Compute(backend, arch, "w", PartitionSpec.Freeze(3), ["x=1"]);

        Assert.Equal(first, second);
        Assert.StartsWith("freeze-3-", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_the_architecture_file_changes_the_key()
    {
        using var dir = new TempDirectory();
        var arch = dir.File("a.yaml", "name: a\n");
        var backend = new FakeSimulator().Backend();
        var before = PointKey.Compute(backend, arch, "w", PartitionSpec.Freeze(3), []);

        File.WriteAllText(arch, "name: a\nclock: 2GHz\n");

        Assert.NotEqual(before, PointKey.Compute(backend, arch, "w", PartitionSpec.Freeze(3), []));
    }

    [Fact]
    public void Overrides_workload_partition_and_model_version_each_change_the_key()
    {
        var backend = new FakeSimulator().Backend();
        var key = PointKey.Compute(backend, "a.yaml", "w", PartitionSpec.Freeze(3), ["x=1", "y=2"]);

        Assert.NotEqual(key, PointKey.Compute(backend, "a.yaml", "w", PartitionSpec.Freeze(3), ["y=2", "x=1"]));
        Assert.NotEqual(key, PointKey.Compute(backend, "a.yaml", "v", PartitionSpec.Freeze(3), ["x=1", "y=2"]));
        Assert.NotEqual(key, PointKey.Compute(backend, "a.yaml", "w", PartitionSpec.Rank(3), ["x=1", "y=2"]));
        Assert.NotEqual(key, PointKey.Compute(new FakeSimulator().Backend("other-model"), "a.yaml", "w", PartitionSpec.Freeze(3), ["x=1", "y=2"]));
    }
}
