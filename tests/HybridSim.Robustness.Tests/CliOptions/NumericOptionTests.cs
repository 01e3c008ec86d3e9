namespace HybridSim.Robustness.Tests.CliOptions;

/// <summary>A bad number on the command line is a usage error in words, not a .NET type name (issue 15, section 5).</summary>
public sealed class NumericOptionTests
{
    [Theory]
    [InlineData("--freeze", "abc", "'abc' is not a whole number")]
    [InlineData("--rank", "1.5", "'1.5' is not a whole number")]
    [InlineData("--batch", "99999999999", "99999999999 is too large")]
    public void A_bad_whole_number_is_a_usage_error_saying_so(string option, string value, string expected)
    {
        var result = Cli.Invoke("run", "--arch", Cli.Arch("puma.yaml"), "--workload", Cli.Workload("mlp-digits.yaml"), option, value);
        Assert.Equal(2, result.Code);
        Assert.Contains($"{option}: {expected}", result.Err);
        Assert.DoesNotContain("System.", result.Err);
        Cli.AssertNoStackTrace(result);
    }

    [Fact]
    public void A_bad_real_number_is_a_usage_error_saying_so()
    {
        var result = Cli.Invoke("train", "--workload", "mlp-digits", "--data", "digits", "--out", "x.npz", "--lr", "fast");
        Assert.Equal(2, result.Code);
        Assert.Contains("--lr: 'fast' is not a number", result.Err);
        Assert.DoesNotContain("System.", result.Err);
    }
}
