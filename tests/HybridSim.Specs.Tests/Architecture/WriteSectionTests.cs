using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Tests.Architecture;

public sealed class WriteSectionTests
{
    private static ArchitectureSpec Shipped(string name, params string[] overrides) =>
        ArchitectureLoader.Load(RepositoryPaths.Arch(name), overrides);

    [Fact]
    public void The_base_files_give_rram_and_sram_write_figures_with_units()
    {
        var arch = Shipped("hyperx-128-16b.yaml");
        var rram = arch.AnalogTile!.Core.Mvmu.Write!;
        var sram = arch.DigitalTile!.Core.Mvmu.Write!;

        Assert.Equal(8.12, rram.CellEnergyJoules * 1e12, 9);
        Assert.Equal(100, rram.RowLatencySeconds * 1e9, 9);
        Assert.Equal(1e6, rram.EnduranceCycles);
        Assert.Equal(6, rram.ParallelMvmus);  // ${mvmus_per_core} of hyperx-128-16b
        Assert.Contains("Zangeneh", rram.Source, StringComparison.Ordinal);
        Assert.Equal(0.01, sram.CellEnergyJoules * 1e12, 12);
        Assert.Equal(1e16, sram.EnduranceCycles);
    }

    [Fact]
    public void Lobranch_inherits_both_write_blocks()
    {
        var arch = Shipped("lobranch-3d.yaml");
        Assert.NotNull(arch.AnalogTile!.Core.Mvmu.Write);
        Assert.NotNull(arch.DigitalTile!.Core.Mvmu.Write);
    }

    [Fact]
    public void A_write_figure_can_be_set_from_the_command_line_and_survives_the_resolved_dump()
    {
        var arch = Shipped("lobranch-3d.yaml", "tiles.analog.core.mvmu.write.parallel_mvmus=1", "tiles.analog.core.mvmu.write.endurance=1e5");
        Assert.Equal(1, arch.AnalogTile!.Core.Mvmu.Write!.ParallelMvmus);
        Assert.Equal(1e5, arch.AnalogTile.Core.Mvmu.Write.EnduranceCycles);

        var yaml = ResolvedArchitectureWriter.Write(arch);
        using var dir = new TempDirectory();
        var back = ArchitectureLoader.Load(dir.File("resolved.yaml", yaml));
        Assert.Equal(arch.AnalogTile.Core.Mvmu.Write, back.AnalogTile!.Core.Mvmu.Write);
        Assert.Equal(arch.DigitalTile!.Core.Mvmu.Write, back.DigitalTile!.Core.Mvmu.Write);
    }

    [Theory]
    [InlineData("tiles.analog.core.mvmu.write.endurance=0", "tiles.analog.core.mvmu.write.endurance", "write cycles")]
    [InlineData("tiles.analog.core.mvmu.write.row_latency=0ns", "tiles.analog.core.mvmu.write.row_latency", "must be positive")]
    [InlineData("tiles.digital.core.mvmu.write.cell_energy=1ns", "tiles.digital.core.mvmu.write.cell_energy", "energy")]
    [InlineData("tiles.digital.core.mvmu.write.parallel_mvmus=0", "tiles.digital.core.mvmu.write.parallel_mvmus", "integer")]
    public void Bad_write_figures_name_the_field(string set, string path, string message)
    {
        var e = Assert.Throws<SpecException>(() => Shipped("hyperx-128-16b.yaml", set));
        var error = Assert.Single(e.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_write_block_without_its_source_is_an_error()
    {
        var e = Assert.Throws<SpecException>(() => Shipped("hyperx-128-16b.yaml", "tiles.analog.core.mvmu.write.source=~"));
        Assert.Contains(e.Errors, x => x.Path == "tiles.analog.core.mvmu.write.source");
    }
}
