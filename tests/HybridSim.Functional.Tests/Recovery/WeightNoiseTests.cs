using HybridSim.Functional.Inference;
using HybridSim.Functional.Network;
using HybridSim.Functional.Recovery;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Recovery;

public sealed class WeightNoiseTests
{
    private const string Yaml = """
        name: one-fc
        input: [2, 1, 1]
        layers:
          - {name: fc, kind: fc, out_features: 1, bias: false}
        """;

    private static float[] Sigma(ProgrammingDistribution distribution)
    {
        var network = FunctionalNetwork.Create(WorkloadLoader.Parse(Yaml, "one-fc.yaml"));
        network.Parameter("fc.weight").Value[0] = 1f;
        network.Parameter("fc.weight").Value[1] = -0.5f;
        var device = DeviceSpec.Ideal with { ProgrammingSigma = 0.1, Distribution = distribution };
        var analog = new AnalogArithmetic(4, 4, 2, 1, 8, 2, 2, AdcRange.Clip, device);
        return WeightNoise.Sigma(network, 0, analog)!;
    }

    [Fact]
    public void Gaussian_cell_noise_of_4_bit_weights_in_2_bit_cells_is_sigma_times_sqrt_17_weight_steps()
    {
        // s_w = 1 / 7; two slices weigh 1 and 4: σ_w = (1/7) · 0.1 · √(1 + 16) for every weight.
        var expected = 0.1 * Math.Sqrt(17) / 7;
        var sigma = Sigma(ProgrammingDistribution.Gaussian);
        Assert.Equal(expected, sigma[0], 6);
        Assert.Equal(expected, sigma[1], 6);
    }

    [Fact]
    public void Lognormal_cell_noise_grows_with_the_stored_digits()
    {
        // w = 1: q = 7, u = 15 = digits (3, 3): √(9 + 9·16) = √153. w = -0.5: q = round(-3.5) = -4 (half to even),
        // u = 4 = digits (0, 1): √(0 + 1·16) = 4.
        var sigma = Sigma(ProgrammingDistribution.Lognormal);
        Assert.Equal(0.1 * Math.Sqrt(153) / 7, sigma[0], 6);
        Assert.Equal(0.1 * 4 / 7, sigma[1], 6);
    }
}
