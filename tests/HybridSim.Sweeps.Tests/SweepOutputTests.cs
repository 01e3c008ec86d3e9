using HybridSim.Specs.Output;

namespace HybridSim.Sweeps.Tests;

public sealed class SweepOutputTests
{
    private static SweepPlan Plan(FakeSimulator simulator) =>
        SweepDefinition.Freeze(["a.yaml"], "w", [], 0, 3).Expand(simulator.Backend());

    [Fact]
    public void A_table_without_accuracy_deletes_a_stale_pareto_figure()
    {
        using var dir = new TempDirectory();
        var simulator = new FakeSimulator();
        var plan = Plan(simulator);
        var reports = plan.Points.ToDictionary(p => p.Key, simulator.Run);
        var stale = dir.File(SweepOutput.ParetoFile, "<svg/>");

        SweepOutput.Write(dir.Path, plan, k => reports.GetValueOrDefault(k));

        Assert.False(File.Exists(stale));
        Assert.True(File.Exists(Path.Combine(dir.Path, SweepOutput.FigureFile)));
    }

    [Fact]
    public void A_pipe_in_place_of_the_pareto_figure_is_left_alone()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/mkfifo"))
        {
            return;
        }

        using var dir = new TempDirectory();
        var fifo = Path.Combine(dir.Path, SweepOutput.ParetoFile);
        using (var mkfifo = System.Diagnostics.Process.Start("/usr/bin/mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var simulator = new FakeSimulator();
        var plan = Plan(simulator);
        var reports = plan.Points.ToDictionary(p => p.Key, simulator.Run);

        SweepOutput.Write(dir.Path, plan, k => reports.GetValueOrDefault(k));

        Assert.True(File.Exists(fifo));
        Assert.False(SafeFile.IsRegularFile(fifo));
    }

    [Fact]
    public void The_pareto_figure_is_written_only_for_a_table_with_accuracy()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, SweepOutput.ParetoFile);
        var noAccuracy = AccuracyFiguresTests.FreezeTable() with { Rows = [] };

        Assert.False(SweepOutput.WritePareto(noAccuracy, path));
        Assert.False(File.Exists(path));
        Assert.True(SweepOutput.WritePareto(AccuracyFiguresTests.FreezeTable(), path));
        Assert.Equal(SweepFigures.Pareto(AccuracyFiguresTests.FreezeTable()).ToSvg(), File.ReadAllText(path));
    }
}
