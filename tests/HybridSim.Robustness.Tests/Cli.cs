using HybridSim.Cli.Tests;

namespace HybridSim.Robustness.Tests;

/// <summary>Runs the <c>hybridsim</c> command line in-process and checks what a hostile case must never show.</summary>
internal static class Cli
{
    public static string Root => CliHarness.Root;

    public static string Arch(string name) => CliHarness.Arch(name);

    public static string Workload(string name) => CliHarness.Workload(name);

    /// <summary>Exit code (usage errors mapped to 2), stdout and stderr: the Cli tests' in-process harness.</summary>
    public static (int Code, string Out, string Err) Invoke(params string[] args) => CliHarness.Invoke(args);

    /// <summary>Asserts an input error: exit 1, every expected fragment in stderr, and no stack trace.</summary>
    public static void AssertInputError((int Code, string Out, string Err) result, params string[] expected)
    {
        Assert.True(result.Code == 1, $"exit {result.Code}, expected 1; stderr: {result.Err}");
        foreach (var fragment in expected)
            Assert.Contains(fragment, result.Err);
        AssertNoStackTrace(result);
    }

    public static void AssertNoStackTrace((int Code, string Out, string Err) result)
    {
        Assert.DoesNotContain("   at ", result.Err);
        Assert.DoesNotContain("Exception", result.Err);
    }
}
