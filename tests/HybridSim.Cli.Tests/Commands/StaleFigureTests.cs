namespace HybridSim.Cli.Tests.Commands;

/// <summary>
/// A user's copy of a shipped file, saved outside the repository, that restates the ADC's figures as fixed (no scaling
/// rule) for 7 bits and sets a 6-bit ADC: every verb that loads it warns, naming the user's file and line where
/// adc_bits is set, the figures and both configurations; <c>--strict</c> makes it exit 1 (docs/architecture-files.md,
/// "Your own architecture").
/// </summary>
public sealed class StaleFigureTests : IDisposable
{
    private const string UserFile =
        """
        version: 1
        name: my-design
        extends: hyperx-64-8b.yaml
        variables:
          adc_bits: 6
        tiles:
          analog:
            core:
              mvmu:
                components:
                  adc: {scaling: ~, stated_for: {adc_bits: 7}}
        """;

    private readonly TempDirectory _dir = new();
    private readonly string _arch;

    public StaleFigureTests()
    {
        _arch = _dir.Sub("my-design.yaml");
        File.WriteAllText(_arch, UserFile);
    }

    public void Dispose() => _dir.Dispose();

    /// <summary>The stale-figure warning, at the user's file and the line that sets adc_bits (line 5).</summary>
    private void AssertStaleWarning(string err, string prefix = "warning: ")
    {
        var line = err.Split('\n').FirstOrDefault(l => l.Contains("components.adc: latency, energy, leakage, area are stated for adc_bits 7", StringComparison.Ordinal));
        Assert.True(line is not null, err);
        Assert.StartsWith($"{prefix}{_arch}:5:", line, StringComparison.Ordinal);
        Assert.Contains("this architecture has adc_bits 6", line, StringComparison.Ordinal);
        Assert.Contains($"(set at {_arch}:5)", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_warns_blaming_the_users_file()
    {
        var (code, _, err) = CliHarness.Invoke("validate", "--arch", _arch);
        Assert.Equal(0, code);
        AssertStaleWarning(err);
    }

    [Fact]
    public void Run_warns_blaming_the_users_file()
    {
        var (code, _, err) = CliHarness.Invoke("run", "--arch", _arch, "--workload", "mlp-digits", "--freeze", "3");
        Assert.True(code == 0, err);
        AssertStaleWarning(err);
    }

    [Fact]
    public void Sweep_warns_blaming_the_users_file()
    {
        var (code, _, err) = CliHarness.Invoke("sweep", "grid", "--arch", _arch, "--workload", "mlp-digits", "--freeze", "3", "--vary", "input_bits=8", "--out", _dir.Sub("sweep"), "--jobs", "1");
        Assert.True(code == 0, err);
        AssertStaleWarning(err);
    }

    [Fact]
    public void Evaluate_warns_blaming_the_users_file()
    {
        var weights = _dir.Sub("mlp.npz");
        var (trained, _, trainErr) = CliHarness.Invoke("train", "--workload", "mlp-digits", "--data", "digits", "--epochs", "1", "--out", weights);
        Assert.True(trained == 0, trainErr);
        var (code, _, err) = CliHarness.Invoke("evaluate", "--arch", _arch, "--workload", "mlp-digits", "--weights", weights, "--data", "digits", "--limit", "10", "--path", "fast", "--freeze", "3");
        Assert.True(code == 0, err);
        AssertStaleWarning(err);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("run")]
    [InlineData("evaluate")]
    [InlineData("sweep")]
    public void Strict_makes_the_stale_figure_an_error(string verb)
    {
        string[] args = verb switch
        {
            "validate" => ["validate", "--arch", _arch],
            "run" => ["run", "--arch", _arch, "--workload", "mlp-digits", "--freeze", "3"],
            "evaluate" => ["evaluate", "--arch", _arch, "--workload", "mlp-digits", "--weights", _dir.Sub("none.npz"), "--data", "digits", "--freeze", "3"],
            _ => ["sweep", "grid", "--arch", _arch, "--workload", "mlp-digits", "--freeze", "3", "--vary", "input_bits=8", "--out", _dir.Sub("strict-sweep")],
        };
        var (code, _, err) = CliHarness.Invoke([.. args, "--strict"]);
        Assert.Equal(1, code);
        AssertStaleWarning(err, "error: ");
        Assert.Contains("(an error with --strict)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void The_shipped_file_has_no_stale_figure_at_another_adc_width()
    {
        // The shipped ADC follows adc_bits by its scaling rule: a narrow ADC is the only warning.
        var (code, _, err) = CliHarness.Invoke("validate", "--arch", CliHarness.Arch("hyperx-64-8b.yaml"), "--set", "adc_bits=6", "--set", "xbar=256", "--strict");
        Assert.Equal(1, code);
        Assert.DoesNotContain("stated for", err, StringComparison.Ordinal);
        Assert.Contains("fewer than the 9 bits", err, StringComparison.Ordinal);
    }
}
