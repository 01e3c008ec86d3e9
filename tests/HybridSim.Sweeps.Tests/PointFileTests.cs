using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;

namespace HybridSim.Sweeps.Tests;

public sealed class PointFileTests
{
    private static (string Key, PointInputs Inputs, RunReport Report) Point()
    {
        var simulator = new FakeSimulator();
        var backend = simulator.Backend();
        var plan = SweepDefinition.Freeze(["a.yaml"], "w", [], 2, 2).Expand(backend);
        var point = plan.Points[0];
        return (point.Key, PointKey.Inputs(backend, point), simulator.Run(point));
    }

    [Fact]
    public void A_written_point_reads_back_with_its_report()
    {
        using var dir = new TempDirectory();
        var (key, inputs, report) = Point();
        var path = dir.Sub(key + ".json");
        PointFile.WriteFile(path, key, inputs, report);

        var read = PointFile.Read(path, key, inputs);

        Assert.Null(read.Problem);
        Assert.Equal(ReportJson.Write(report), ReportJson.Write(read.Report!));
    }

    [Fact]
    public void An_edited_value_breaks_the_checksum()
    {
        using var dir = new TempDirectory();
        var (key, inputs, report) = Point();
        var path = dir.Sub(key + ".json");
        PointFile.WriteFile(path, key, inputs, report);
        File.WriteAllText(path, File.ReadAllText(path).Replace($"\"cycles\": {report.Cycles}", "\"cycles\": 1", StringComparison.Ordinal));

        var read = PointFile.Read(path, key, inputs);

        Assert.Null(read.Report);
        Assert.Equal("checksum mismatch: the file was edited or corrupted", read.Problem);
    }

    [Fact]
    public void A_plain_report_of_the_older_format_and_a_point_under_another_name_are_not_trusted()
    {
        using var dir = new TempDirectory();
        var (key, inputs, report) = Point();
        var old = dir.Sub(key + ".json");
        ReportJson.WriteFile(old, report);
        Assert.StartsWith("no point format", PointFile.Read(old, key, inputs).Problem, StringComparison.Ordinal);

        var other = dir.Sub("freeze-2-00000000000000000000.json");
        PointFile.WriteFile(other, key, inputs, report);
        Assert.Contains("does not match its file name or inputs", PointFile.Read(other, "freeze-2-00000000000000000000", null).Problem, StringComparison.Ordinal);
        Assert.Equal(PointRead.Missing, PointFile.Read(dir.Sub("absent.json"), key, null));
    }

    [Fact]
    public void Spaces_around_the_equals_sign_of_an_override_do_not_change_the_key()
    {
        var backend = new FakeSimulator().Backend();

        Assert.Equal(
            PointKey.Compute(backend, "a.yaml", "w", PartitionSpec.Freeze(1), ["adc_bits=7"]),
            PointKey.Compute(backend, "a.yaml", "w", PartitionSpec.Freeze(1), ["adc_bits = 7"]));
    }
}
