using System.Text.Json;
using HybridSim.Metrics.Reports;
using static HybridSim.Cli.Tests.CliHarness;

namespace HybridSim.Cli.Tests.EndToEnd;

/// <summary>
/// END-TO-END: these run the real compiler (<c>ProgramCompiler.Compile</c>) and, for <c>run</c>, the hardware simulation
/// and the metrics, on arch/puma.yaml with workloads/mlp-mnist.yaml; <c>--filter "Requires!=Compiler"</c> leaves them out.
/// The tests give <c>--freeze 3</c> (all-RRAM, the only partition an all-analog architecture can run, and what
/// puma.yaml gets without one).
/// </summary>
[Trait("Requires", "Compiler")]
public sealed class PumaMlpEndToEndTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hybridsim-cli-e2e-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Compile_writes_summary_json_with_the_documented_fields_and_the_listings()
    {
        var dir = Path.Combine(_dir, "compiled");

        var (code, output, error) = Invoke("compile", "--arch", Arch("puma.yaml"), "--workload", Workload("mlp-mnist.yaml"), "--freeze", "3", "--out", dir);

        Assert.True(code == 0, error);
        Assert.Contains("compiled, programs consistent", output, StringComparison.Ordinal);
        var summaryPath = Path.Combine(dir, "summary.json");
        Assert.True(File.Exists(summaryPath), summaryPath);
        using var doc = JsonDocument.Parse(File.ReadAllText(summaryPath));
        var root = doc.RootElement;
        foreach (var field in new[] { "analog_mvmus", "digital_mvmus", "analog_tiles", "digital_tiles", "instructions", "mvm_instructions" })
        {
            Assert.True(root.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.Number, field);
        }

        Assert.True(root.GetProperty("analog_mvmus").GetInt32() > 0);
        Assert.Equal(0, root.GetProperty("digital_mvmus").GetInt32());
        Assert.Equal(0, root.GetProperty("digital_tiles").GetInt32());
        Assert.True(root.GetProperty("mvm_instructions").GetInt64() > 0);
        Assert.Equal("freeze", root.GetProperty("partition").GetProperty("kind").GetString());
        Assert.Equal(3, root.GetProperty("partition").GetProperty("x").GetInt32());

        var layers = root.GetProperty("weight_layers").EnumerateArray().ToList();
        Assert.Equal(["fc1", "fc2", "fc3"], layers.Select(l => l.GetProperty("name").GetString()));
        Assert.All(layers, l => Assert.Equal("analog", l.GetProperty("placement").GetString()));
        Assert.Equal([784, 512, 512], layers.Select(l => l.GetProperty("rows").GetInt32()));
        Assert.Equal([512, 512, 10], layers.Select(l => l.GetProperty("cols").GetInt32()));
        Assert.All(layers, l =>
        {
            Assert.True(l.GetProperty("mvmus").GetInt32() > 0);
            Assert.InRange(l.GetProperty("utilization").GetDouble(), double.Epsilon, 1.0);
        });

        var tiles = root.GetProperty("analog_tiles").GetInt32();
        Assert.True(tiles > 0);
        for (var t = 0; t < tiles; t++)
        {
            Assert.True(File.Exists(Path.Combine(dir, $"tile{t}", "tile.asm")), $"tile{t}/tile.asm");
            Assert.True(File.Exists(Path.Combine(dir, $"tile{t}", "core0.asm")), $"tile{t}/core0.asm");
        }

        Assert.StartsWith("; tile 0 (analog) core 0: ", File.ReadAllText(Path.Combine(dir, "tile0", "core0.asm")), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_writes_report_json_with_the_documented_fields_resolved_arch_and_trace()
    {
        var dir = Path.Combine(_dir, "run");
        var trace = Path.Combine(_dir, "trace.json");

        var (code, output, error) = Invoke("run", "--arch", Arch("puma.yaml"), "--workload", Workload("mlp-mnist.yaml"), "--freeze", "3", "--out", dir, "--trace", trace);

        Assert.True(code == 0, error);
        Assert.Contains("puma × mlp-mnist (freeze-3)", output, StringComparison.Ordinal);
        var reportPath = Path.Combine(dir, "report.json");
        Assert.True(File.Exists(reportPath), reportPath);
        Assert.True(File.Exists(Path.Combine(dir, "resolved-arch.yaml")));
        using var doc = JsonDocument.Parse(File.ReadAllText(reportPath));
        var root = doc.RootElement;
        foreach (var field in ReportJson.ContractFields)
        {
            Assert.True(root.TryGetProperty(field, out _), field);
        }

        Assert.True(root.GetProperty("cycles").GetInt64() > 0);
        Assert.True(root.GetProperty("dynamic_energy_pj").GetDouble() > 0);
        Assert.True(root.GetProperty("area_mm2").GetDouble() > 0);
        Assert.Equal(0, root.GetProperty("sram_weight_fraction").GetDouble());
        var layers = root.GetProperty("layers").EnumerateArray().ToList();
        foreach (var field in new[] { "name", "kind", "placement", "mvmus", "mvms", "start_ns", "end_ns", "dynamic_energy_pj" })
        {
            Assert.All(layers, l => Assert.True(l.TryGetProperty(field, out _), field));
        }

        Assert.Contains(layers, l => l.GetProperty("name").GetString() == "fc1" && l.GetProperty("placement").GetString() == "analog");
        Assert.True(root.GetProperty("simulator").GetProperty("events").GetInt64() > 0);

        Assert.True(File.Exists(trace), trace);
        using var timeline = JsonDocument.Parse(File.ReadAllText(trace));
        Assert.True(timeline.RootElement.GetProperty("traceEvents").GetArrayLength() > 0);
    }

    [Fact]
    public void A_traced_and_an_untraced_run_give_the_same_report_apart_from_simulator()
    {
        var traced = Path.Combine(_dir, "traced");
        var untraced = Path.Combine(_dir, "untraced");
        var trace = Path.Combine(_dir, "trace.json");

        var (code, _, error) = Invoke("run", "--arch", Arch("puma.yaml"), "--workload", Workload("mlp-mnist.yaml"), "--freeze", "3", "--out", traced, "--trace", trace);
        Assert.True(code == 0, error);
        (code, _, error) = Invoke("run", "--arch", Arch("puma.yaml"), "--workload", Workload("mlp-mnist.yaml"), "--freeze", "3", "--out", untraced);
        Assert.True(code == 0, error);

        using var a = JsonDocument.Parse(File.ReadAllText(Path.Combine(traced, "report.json")));
        using var b = JsonDocument.Parse(File.ReadAllText(Path.Combine(untraced, "report.json")));
        string WithoutSimulator(JsonDocument d) => string.Join("\n", d.RootElement.EnumerateObject().Where(p => p.Name != "simulator").Select(p => p.Name + "=" + p.Value.GetRawText()));
        Assert.Equal(WithoutSimulator(b), WithoutSimulator(a));
        Assert.Equal(ReportJson.TopLevelFields.AsEnumerable(), a.RootElement.EnumerateObject().Select(p => p.Name));

        var tracedSimulator = a.RootElement.GetProperty("simulator");
        Assert.True(tracedSimulator.GetProperty("trace_spans").GetInt64() > 0);
        Assert.Equal(0, tracedSimulator.GetProperty("trace_dropped_spans").GetInt64());
        Assert.False(b.RootElement.GetProperty("simulator").TryGetProperty("trace_spans", out _));
        Assert.Equal(b.RootElement.GetProperty("simulator").GetProperty("events").GetInt64(), tracedSimulator.GetProperty("events").GetInt64());

        // The breakdowns are objects that add up to their totals.
        var root = b.RootElement;
        Assert.Equal(root.GetProperty("leakage_energy_pj").GetDouble(), root.GetProperty("leakage_by_component_pj").EnumerateObject().Sum(p => p.Value.GetDouble()), 1e-6 * root.GetProperty("leakage_energy_pj").GetDouble());
        Assert.Equal(root.GetProperty("dynamic_energy_pj").GetDouble(), root.GetProperty("energy_by_component_pj").EnumerateObject().Sum(p => p.Value.GetDouble()), 1e-6 * root.GetProperty("dynamic_energy_pj").GetDouble());
        Assert.True(root.GetProperty("statistics").GetProperty("noc_packets").GetDouble() >= 0);
    }
}
