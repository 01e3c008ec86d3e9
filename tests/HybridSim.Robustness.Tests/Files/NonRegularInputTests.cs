namespace HybridSim.Robustness.Tests.Files;

/// <summary>Device nodes given as inputs are refused before anything is read from them (issue 15, section 2).</summary>
public sealed class NonRegularInputTests
{
    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void A_device_as_the_architecture_is_an_input_error_naming_it(string device)
    {
        var result = Cli.Invoke("validate", "--arch", device, "--workload", Cli.Workload("mlp-digits.yaml"));
        Cli.AssertInputError(result, device);
    }
}
