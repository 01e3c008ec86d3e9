using System.Collections.Immutable;
using System.CommandLine;
using HybridSim.Cli.Commands;
using HybridSim.Metrics.Reports;
using HybridSim.Specs.Architecture;
using HybridSim.Sweeps;

namespace HybridSim.Cli.Tests.Commands;

public sealed class SweepCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hybridsim-cli-sweep-").FullName;
    private readonly List<string> _ran = [];
    private Func<SweepPoint, bool> _fail = _ => false;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>dynamic energy 100 − 4x pJ, latency 50 + x ns, area 1 mm²; an "analog-only" architecture cannot run freeze-0.</summary>
    private RunReport Fake(SweepPoint point)
    {
        if (_fail(point) || (point.ArchitecturePath.Contains("analog-only", StringComparison.Ordinal) && point.Partition == PartitionSpec.Freeze(0)))
        {
            throw new InvalidOperationException("architecture has no digital tiles for freeze-0");
        }

        lock (_ran)
        {
            _ran.Add(point.Key);
        }

        var x = point.Partition?.Value ?? 0;
        return new RunReport(Path.GetFileNameWithoutExtension(point.ArchitecturePath), point.Workload, new PartitionReport(point.Partition?.Kind == PartitionKind.Rank ? "rank" : "freeze", x),
            50 + x, 50 + x, 1e9, 100 - 4 * x, 1, 101 - 4 * x, 1, (50 + x) * 1e-6,
            ImmutableSortedDictionary<string, double>.Empty.Add("analog.adc", x).Add("digital.sram", 100 - 5 * x), ImmutableSortedDictionary<string, double>.Empty,
            [], 1 - x / 20.0, new SimulatorReport(10, 0.001))
        {
            LeakageByComponentPj = ImmutableSortedDictionary<string, double>.Empty.Add("digital.edram", 1),
        };
    }

    private (int Code, string Out, string Err) Invoke(params string[] args)
    {
        var services = new SweepServices(new SweepBackend(Fake, p => "arch:" + p, w => "work:" + w, "test"), _ => 20);
        var root = new RootCommand { SweepCommand.Create(() => services), PlotCommand.Create(), MergeCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }

    private string Out(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Sweep_freeze_writes_the_table_the_figures_the_manifest_and_one_file_per_point()
    {
        var (code, output, error) = Invoke("sweep", "freeze", "--arch", "a.yaml", "--arch", "b.yaml", "--workload", "w", "--to", "4", "--out", Out("s"), "--jobs", "2");

        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("wrote " + Path.Combine(Out("s"), "sweep.csv") + " (10 rows)", output, StringComparison.Ordinal);
        foreach (var file in new[] { "sweep.csv", "sweep.svg", "breakdown.svg", "manifest.json" })
        {
            Assert.True(File.Exists(Path.Combine(Out("s"), file)), file);
        }

        Assert.Equal(10, Directory.GetFiles(Path.Combine(Out("s"), "points")).Length);
        var table = CsvTable.ReadFile(Path.Combine(Out("s"), "sweep.csv"));
        Assert.Equal(["a", "a", "a", "a", "a", "b", "b", "b", "b", "b"], table.Column("architecture").AsEnumerable());
        // x=3: dynamic energy 100 − 12 = 88 pJ against 100 pJ at freeze-0
        Assert.Equal("1.1363636363636365", table.Rows[3][table.ColumnIndex("energy_improvement")]);
    }

    [Fact]
    public void Without_to_the_range_ends_at_the_workloads_weight_layer_count()
    {
        var (code, _, _) = Invoke("sweep", "freeze", "--arch", "a.yaml", "--workload", "w", "--out", Out("s"));

        Assert.Equal(0, code);
        Assert.Equal(21, CsvTable.ReadFile(Path.Combine(Out("s"), "sweep.csv")).Rows.Length);
    }

    [Fact]
    public void Rerunning_the_same_sweep_simulates_nothing_and_gives_the_same_table()
    {
        Invoke("sweep", "rank", "--arch", "a.yaml", "--workload", "w", "--ranks", "1,2,4", "--out", Out("s"));
        var first = File.ReadAllText(Path.Combine(Out("s"), "sweep.csv"));
        _ran.Clear();

        var (code, output, _) = Invoke("sweep", "rank", "--arch", "a.yaml", "--workload", "w", "--ranks", "1,2,4", "--out", Out("s"));

        Assert.Equal(0, code);
        Assert.Empty(_ran);
        Assert.Contains("(5 already finished, reused)", output, StringComparison.Ordinal);
        Assert.Equal(first, File.ReadAllText(Path.Combine(Out("s"), "sweep.csv")));
    }

    [Fact]
    public void A_failing_point_gives_exit_code_1_and_the_others_still_make_the_table()
    {
        _fail = p => p.Partition == PartitionSpec.Freeze(2);

        var (code, _, error) = Invoke("sweep", "freeze", "--arch", "a.yaml", "--workload", "w", "--to", "3", "--out", Out("s"));

        Assert.Equal(1, code);
        Assert.Contains("error: 1 point(s) failed", error, StringComparison.Ordinal);
        Assert.Contains("a.yaml freeze-2: architecture has no digital tiles for freeze-0", error, StringComparison.Ordinal);
        Assert.Equal(["0", "1", "3"], CsvTable.ReadFile(Path.Combine(Out("s"), "sweep.csv")).Column("freeze").AsEnumerable());
    }

    [Fact]
    public void An_architecture_without_an_all_sram_baseline_is_a_note_not_a_failure()
    {
        var (code, _, error) = Invoke("sweep", "freeze", "--arch", "analog-only.yaml", "--workload", "w", "--from", "1", "--to", "2", "--out", Out("s"));

        Assert.Equal(0, code);
        Assert.Contains("note: reference point analog-only.yaml freeze-0 could not run", error, StringComparison.Ordinal);
        Assert.Contains("energy_improvement and anl_improvement are empty", error, StringComparison.Ordinal);
        Assert.Contains("no all-SRAM baseline for analog-only.yaml", File.ReadAllText(Path.Combine(Out("s"), "notes.txt")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--shard", "2/2")]
    [InlineData("--jobs", "0")]
    [InlineData("--set", "novalue")]
    public void Usage_errors_give_exit_code_2(string option, string value)
    {
        var (code, _, error) = Invoke("sweep", "freeze", "--arch", "a.yaml", "--workload", "w", "--to", "2", "--out", Out("s"), option, value);

        Assert.Equal(2, code);
        Assert.StartsWith("error: " + option, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_vary_gives_exit_code_2()
    {
        var (code, _, _) = Invoke("sweep", "grid", "--arch", "a.yaml", "--workload", "w", "--vary", "xbar", "--out", Out("s"));

        Assert.Equal(2, code);
    }

    [Fact]
    public void Shards_then_merge_give_the_same_table_as_one_run()
    {
        string[] sweep = ["sweep", "grid", "--arch", "a.yaml", "--workload", "w", "--vary", "xbar=64,128", "--vary", "freeze=0,3,6", "--set", "adc=7"];
        Invoke([.. sweep, "--out", Out("whole")]);
        for (var i = 0; i < 3; i++)
        {
            var (shardCode, shardOutput, _) = Invoke([.. sweep, "--out", Out($"shard{i}"), "--shard", $"{i}/3"]);
            Assert.Equal(0, shardCode);
            Assert.Contains($"shard {i}/3: done", shardOutput, StringComparison.Ordinal);
        }

        var (code, output, _) = Invoke("merge", Out("shard0"), Out("shard1"), Out("shard2"), "--out", Out("merged"));

        Assert.Equal(0, code);
        Assert.Contains("(6 rows) from 3 folder(s)", output, StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(Path.Combine(Out("whole"), "sweep.csv")), File.ReadAllText(Path.Combine(Out("merged"), "sweep.csv")));
        Assert.Equal(File.ReadAllText(Path.Combine(Out("whole"), "sweep.svg")), File.ReadAllText(Path.Combine(Out("merged"), "sweep.svg")));
    }

    [Fact]
    public void Merge_of_an_incomplete_set_of_shards_lists_the_missing_points_and_exits_1()
    {
        Invoke("sweep", "freeze", "--arch", "a.yaml", "--workload", "w", "--to", "3", "--out", Out("shard0"), "--shard", "0/2");

        var (code, _, error) = Invoke("merge", Out("shard0"), "--out", Out("merged"));

        Assert.Equal(1, code);
        Assert.Contains("error: 2 point(s) have no result in any folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_redraws_the_sweep_figure_byte_for_byte_from_the_csv()
    {
        Invoke("sweep", "freeze", "--arch", "a.yaml", "--workload", "w", "--to", "5", "--out", Out("s"));

        var (code, _, _) = Invoke("plot", Path.Combine(Out("s"), "sweep.csv"), "--out", Out("again.svg"), "--breakdown", Out("again-breakdown.svg"));

        Assert.Equal(0, code);
        Assert.Equal(File.ReadAllText(Path.Combine(Out("s"), "sweep.svg")), File.ReadAllText(Out("again.svg")));
        Assert.Equal(File.ReadAllText(Path.Combine(Out("s"), "breakdown.svg")), File.ReadAllText(Out("again-breakdown.svg")));
    }

    [Fact]
    public void Plot_leakage_adds_the_leakage_panels_to_the_breakdown()
    {
        Invoke("sweep", "freeze", "--arch", "a.yaml", "--workload", "w", "--to", "3", "--out", Out("s"));

        var (code, _, error) = Invoke("plot", Path.Combine(Out("s"), "sweep.csv"), "--out", Out("again.svg"), "--breakdown", Out("leak.svg"), "--leakage");

        Assert.True(code == 0, error);
        var svg = File.ReadAllText(Out("leak.svg"));
        Assert.Contains(">w: dynamic and leakage energy by component group</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">a: leakage</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">leakage energy (pJ)</text>", svg, StringComparison.Ordinal);
        Assert.DoesNotContain(">leakage energy", File.ReadAllText(Path.Combine(Out("s"), "breakdown.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_leakage_without_a_breakdown_is_a_usage_error()
    {
        Invoke("sweep", "freeze", "--arch", "a.yaml", "--workload", "w", "--to", "1", "--out", Out("s"));

        var (code, _, error) = Invoke("plot", Path.Combine(Out("s"), "sweep.csv"), "--out", Out("again.svg"), "--leakage");

        Assert.Equal(2, code);
        Assert.Contains("--leakage adds panels to the breakdown figure; give --breakdown FILE.svg too", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out("again.svg")));
    }

    [Fact]
    public void Plot_leakage_of_a_table_without_leakage_columns_fails_with_a_message()
    {
        Invoke("sweep", "freeze", "--arch", "a.yaml", "--workload", "w", "--to", "1", "--out", Out("s"));
        var csv = File.ReadAllLines(Path.Combine(Out("s"), "sweep.csv"));
        var keep = csv[0].Split(',').Select((h, i) => (h, i)).Where(c => !c.h.StartsWith("leakage_digital", StringComparison.Ordinal)).Select(c => c.i).ToList();
        File.WriteAllLines(Out("old.csv"), csv.Select(l => string.Join(",", keep.Select(i => l.Split(',')[i]))));

        var (code, _, error) = Invoke("plot", Out("old.csv"), "--out", Out("old.svg"), "--breakdown", Out("old-breakdown.svg"), "--leakage");

        Assert.Equal(1, code);
        Assert.Contains("no leakage_<component>_pj columns", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out("old-breakdown.svg")));
    }

    [Fact]
    public void Plot_of_several_tables_draws_one_series_per_architecture()
    {
        Invoke("sweep", "freeze", "--arch", "a.yaml", "--workload", "w", "--to", "3", "--out", Out("a"));
        Invoke("sweep", "freeze", "--arch", "b.yaml", "--workload", "w", "--to", "3", "--out", Out("b"));

        var (code, _, _) = Invoke("plot", Path.Combine(Out("a"), "sweep.csv"), Path.Combine(Out("b"), "sweep.csv"), "--out", Out("both.svg"));

        Assert.Equal(0, code);
        var svg = File.ReadAllText(Out("both.svg"));
        Assert.Contains(">a</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">b</text>", svg, StringComparison.Ordinal);
    }

    /// <summary>A freeze table with the accuracy columns, as a sweep with accuracy writes it; x = 2 is the chosen point.</summary>
    private string AccuracyTable(string folder)
    {
        Directory.CreateDirectory(Out(folder));
        var path = Path.Combine(Out(folder), "sweep.csv");
        File.WriteAllText(path, """
            architecture,workload,freeze,cycles,energy_improvement,anl_improvement,accuracy,accuracy_std,accuracy_before_recovery,accuracy_before_recovery_std,chosen,key
            a,w,0,50,1,1,0.91,0.002,0.91,0.002,0,k0
            a,w,2,52,1.5,0.95,0.905,0.003,0.85,0.01,1,k1
            a,w,4,54,2.2,0.9,0.88,0.004,0.75,0.02,0,k2

            """);
        return path;
    }

    [Fact]
    public void Plot_of_a_table_with_accuracy_also_writes_pareto_svg_beside_the_figure()
    {
        var csv = AccuracyTable("acc");

        var (code, output, error) = Invoke("plot", csv, "--out", Path.Combine(Out("figs"), "main.svg"));

        Assert.Equal(0, code);
        Assert.Equal("", error);
        var pareto = Path.Combine(Out("figs"), "pareto.svg");
        Assert.Contains($"wrote {Path.Combine(Out("figs"), "main.svg")} and {pareto}", output, StringComparison.Ordinal);
        Assert.Equal(SweepFigures.Pareto(CsvTable.ReadFile(csv)).ToSvg(), File.ReadAllText(pareto));
        Assert.Contains(">x=2</text>", File.ReadAllText(pareto), StringComparison.Ordinal);
        Assert.Contains(">chosen (max accuracy drop)</text>", File.ReadAllText(Path.Combine(Out("figs"), "main.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_with_pareto_writes_the_pareto_figure_there()
    {
        var csv = AccuracyTable("acc");

        var (code, _, _) = Invoke("plot", csv, "--pareto", Out("front.svg"));

        Assert.Equal(0, code);
        Assert.True(File.Exists(Path.Combine(Out("acc"), "sweep.svg")));
        Assert.True(File.Exists(Out("front.svg")));
        Assert.False(File.Exists(Path.Combine(Out("acc"), "pareto.svg")));
    }

    [Fact]
    public void Plot_of_a_table_without_accuracy_writes_no_pareto_figure()
    {
        Invoke("sweep", "freeze", "--arch", "a.yaml", "--workload", "w", "--to", "3", "--out", Out("s"));

        var (code, output, error) = Invoke("plot", Path.Combine(Out("s"), "sweep.csv"), "--out", Out("again.svg"), "--pareto", Out("front.svg"));

        Assert.Equal(0, code);
        Assert.Equal($"wrote {Out("again.svg")}\n", output.ReplaceLineEndings("\n"));
        Assert.Contains("no accuracy values", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out("front.svg")));
        Assert.False(File.Exists(Path.Combine(Out("s"), "pareto.svg")));
    }

    [Fact]
    public void Plot_with_a_pipe_as_pareto_is_refused_before_any_figure_is_drawn_and_the_pipe_is_kept()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/mkfifo"))
        {
            return;
        }

        var csv = AccuracyTable("acc");
        using (var mkfifo = System.Diagnostics.Process.Start("/usr/bin/mkfifo", [Out("pipe.svg")]))
        {
            mkfifo.WaitForExit();
        }

        var (code, _, error) = Invoke("plot", csv, "--out", Out("main.svg"), "--pareto", Out("pipe.svg"));

        Assert.Equal(1, code);
        Assert.Contains($"cannot write {Out("pipe.svg")}: not a regular file", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out("main.svg")));
        Assert.False(HybridSim.Specs.Output.SafeFile.IsRegularFile(Out("pipe.svg")));
    }

    [Fact]
    public void Plot_with_a_pareto_figure_that_would_overwrite_the_main_figure_is_refused()
    {
        var csv = AccuracyTable("acc");

        var (code, _, error) = Invoke("plot", csv, "--out", Out("same.svg"), "--pareto", Out("same.svg"));

        Assert.Equal(1, code);
        Assert.Contains("give --pareto another file", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Out("same.svg")));
    }

    [Fact]
    public void Plot_with_an_empty_output_option_is_a_usage_error()
    {
        var csv = AccuracyTable("acc");

        Assert.Equal(2, Invoke("plot", csv, "--pareto", "").Code);
        Assert.Equal(2, Invoke("plot", csv, "--out", " ").Code);
    }

    [Fact]
    public void Plot_of_a_missing_file_is_an_input_error()
    {
        var (code, _, error) = Invoke("plot", Out("nope.csv"));

        Assert.Equal(1, code);
        Assert.Contains("file not found", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Formulas_in_architecture_names_and_vary_values_are_written_to_sweep_csv_as_text()
    {
        var (code, _, _) = Invoke("sweep", "grid", "--arch", "=HYPERLINK(\"evil\",\"x\").yaml", "--workload", "w",
            "--vary", "xbar=@SUM(1+1),-0.5", "--out", Out("s"));

        Assert.Equal(0, code);
        var csv = File.ReadAllText(Path.Combine(Out("s"), "sweep.csv"));
        var cells = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).SelectMany(line => line.Split(','));
        Assert.DoesNotContain(cells, c => c.StartsWith('=') || c.StartsWith('@') || c.StartsWith("\"=", StringComparison.Ordinal) || c.StartsWith("\"@", StringComparison.Ordinal));
        Assert.Contains("\"'=HYPERLINK(\"\"evil\"\",\"\"x\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains(",\"'@SUM(1+1)\",", csv, StringComparison.Ordinal);
        Assert.Contains(",-0.5,", csv, StringComparison.Ordinal);
        var table = CsvTable.ReadFile(Path.Combine(Out("s"), "sweep.csv"));
        Assert.Contains("=HYPERLINK(\"evil\",\"x\")", table.Column("architecture").AsEnumerable());
    }

    [Fact]
    public void A_missing_required_option_is_a_usage_error_with_exit_code_2()
    {
        // Program.Main prints the parse error on the real console; only its exit code is checked here.
        Assert.Equal(2, Program.Main(["sweep", "freeze", "--workload", "w", "--out", Out("s")]));
    }
}
