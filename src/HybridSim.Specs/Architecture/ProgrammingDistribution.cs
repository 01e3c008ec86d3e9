namespace HybridSim.Specs.Architecture;

/// <summary>How a cell's programmed value scatters around its target (docs/model.md, "Functional model").</summary>
public enum ProgrammingDistribution
{
    /// <summary>programming_sigma cell levels added.</summary>
    Gaussian,

    /// <summary>Conductance times exp(N(0, programming_sigma²)): larger levels vary more.</summary>
    Lognormal,
}
