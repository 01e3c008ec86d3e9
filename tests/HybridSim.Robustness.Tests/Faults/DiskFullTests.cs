using HybridSim.Specs.Output;
using HybridSim.Specs.Validation;

namespace HybridSim.Robustness.Tests.Faults;

/// <summary>A full disk or a device as the target: exit 1 naming the file, nothing partial left (issue 15, section 2).</summary>
public sealed class DiskFullTests
{
    [Fact]
    public void A_write_that_runs_out_of_space_leaves_the_old_file_and_no_temporary()
    {
        using var dir = new TempDirectory();
        var target = dir.File("report.json", "old\n");
        var e = Assert.Throws<SpecException>(() => SafeFile.Write(target, stream =>
        {
            stream.Write("partial"u8);
            throw new IOException("No space left on device");
        }, field: "--out"));
        var error = Assert.Single(e.Errors);
        Assert.Equal("--out", error.Path);
        Assert.Contains(target, error.Message);
        Assert.Contains("No space left on device", error.Message);
        Assert.Equal("old\n", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(dir.Path));
    }

    [Theory]
    [InlineData("--trace", "/dev/full")]
    [InlineData("--out", "/dev/full")]
    [InlineData("--trace", "/dev/null")]
    public void A_device_as_an_output_is_refused_before_simulating(string option, string device)
    {
        if (!File.Exists(device))
        {
            return;
        }

        var result = Cli.Invoke("run", "--arch", Cli.Arch("puma.yaml"), "--workload", Cli.Workload("mlp-digits.yaml"), option, device);
        Cli.AssertInputError(result, device, option, "cannot write");
        Assert.Equal("", result.Out);
    }

    [Fact]
    public void Compile_into_a_path_under_a_file_is_exit_1_before_compiling()
    {
        using var dir = new TempDirectory();
        var file = dir.File("f", "x");
        var result = Cli.Invoke("compile", "--arch", Cli.Arch("puma.yaml"), "--workload", Cli.Workload("mlp-digits.yaml"), "--out", Path.Combine(file, "sub"));
        Cli.AssertInputError(result, "--out", "is not a folder");
    }
}
