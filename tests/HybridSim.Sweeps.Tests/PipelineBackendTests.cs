namespace HybridSim.Sweeps.Tests;

public sealed class PipelineBackendTests
{
    [Fact]
    public void Editing_an_extended_base_file_changes_the_architecture_fingerprint()
    {
        using var dir = new TempDirectory();
        var base_ = dir.File("base.yaml", "clock: 1GHz\n");
        var child = dir.File("child.yaml", "extends: base.yaml\nname: child\n");
        var before = PipelineBackend.ArchitectureFingerprint(child);

        File.WriteAllText(base_, "clock: 2GHz\n");

        Assert.NotEqual(before, PipelineBackend.ArchitectureFingerprint(child));
    }

    [Fact]
    public void An_unrelated_file_in_the_same_folder_does_not_change_the_fingerprint()
    {
        using var dir = new TempDirectory();
        var child = dir.File("child.yaml", "name: child\n");
        var before = PipelineBackend.ArchitectureFingerprint(child);

        dir.File("other.yaml", "name: other\n");

        Assert.Equal(before, PipelineBackend.ArchitectureFingerprint(child));
    }

    [Fact]
    public void A_missing_architecture_file_is_an_input_error()
    {
        Assert.Throws<Specs.Validation.SpecException>(() => PipelineBackend.ArchitectureFingerprint("/no/such/arch.yaml"));
    }
}
