using System.Text.Json;
using HybridSim.Metrics.Reports;

namespace HybridSim.Metrics.Tests.Reports;

public sealed class ProgrammingReportJsonTests
{
    private static RunReport WithProgramming() => ReportJsonTests.Sample() with
    {
        Programming = new ProgrammingReport(
            4_251_000.5, 3200, 1e-6,
            new ProgrammingPart(519_552, 19_800, 4_218_762.24, 3200, 1e-6),
            new ProgrammingPart(3_254_272, 3_232, 32_542.72, 64, 1e-16)),
    };

    [Fact]
    public void Programming_totals_are_top_level_fields_and_the_split_is_an_object()
    {
        using var json = JsonDocument.Parse(ReportJson.Write(WithProgramming()));
        var root = json.RootElement;

        Assert.Equal(4_251_000.5, root.GetProperty("programming_energy_pj").GetDouble());
        Assert.Equal(3200, root.GetProperty("programming_latency_ns").GetDouble());
        Assert.Equal(1e-6, root.GetProperty("endurance_used").GetDouble());
        Assert.Equal(519_552, root.GetProperty("programming").GetProperty("rram").GetProperty("cells_written").GetInt64());
        Assert.Equal(64, root.GetProperty("programming").GetProperty("sram").GetProperty("latency_ns").GetDouble());
    }

    [Fact]
    public void A_report_with_programming_reads_back_to_the_same_bytes_and_extras_stay_apart()
    {
        var report = WithProgramming();
        var text = ReportJson.Write(report);

        var back = ReportJson.Read(text);

        Assert.Equal(report.Programming, back.Programming);
        Assert.Equal(report.Extra, back.Extra);
        Assert.Equal(text, ReportJson.Write(back));
    }

    [Fact]
    public void A_report_without_programming_has_none_of_its_fields()
    {
        var text = ReportJson.Write(ReportJsonTests.Sample());

        Assert.DoesNotContain("programming", text, StringComparison.Ordinal);
        Assert.DoesNotContain("endurance_used", text, StringComparison.Ordinal);
        Assert.Null(ReportJson.Read(text).Programming);
    }
}
