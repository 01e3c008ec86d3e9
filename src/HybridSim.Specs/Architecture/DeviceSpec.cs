namespace HybridSim.Specs.Architecture;

/// <summary>
/// RRAM non-idealities of an analog MVMU's cells, read by the functional model only (docs/model.md, "Functional model").
/// Zero (or null) leaves an effect out; <see cref="Ideal"/> leaves out all of them.
/// </summary>
/// <param name="ProgrammingSigma">Programming variation: cell levels (gaussian) or log-conductance (lognormal).</param>
/// <param name="StuckAtLowRate">Fraction of cells stuck at level 0.</param>
/// <param name="StuckAtHighRate">Fraction of cells stuck at the highest level.</param>
/// <param name="ReadNoiseSigma">Noise on every column value read, in cell levels.</param>
/// <param name="OnOffRatio">Highest / lowest conductance; null: level 0 conducts nothing.</param>
/// <param name="WireResistanceOhms">One wire segment between adjacent cells; null: no IR drop.</param>
/// <param name="CellResistanceOhms">A cell at its highest conductance.</param>
/// <param name="Source">Where the figures come from.</param>
public sealed record DeviceSpec(
    double ProgrammingSigma,
    ProgrammingDistribution Distribution,
    double StuckAtLowRate,
    double StuckAtHighRate,
    double ReadNoiseSigma,
    double? OnOffRatio,
    double? WireResistanceOhms,
    double? CellResistanceOhms,
    string Source)
{
    public static DeviceSpec Ideal { get; } = new(0, ProgrammingDistribution.Gaussian, 0, 0, 0, null, null, null, "ideal");

    public bool HasWireModel => WireResistanceOhms is > 0 && CellResistanceOhms is > 0;

    /// <summary>True when no effect is modelled: the crossbar computes with the programmed digits exactly.</summary>
    public bool IsIdeal => ProgrammingSigma == 0 && StuckAtLowRate == 0 && StuckAtHighRate == 0 && ReadNoiseSigma == 0
        && OnOffRatio is null && !HasWireModel;
}
