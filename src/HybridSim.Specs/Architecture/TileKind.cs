namespace HybridSim.Specs.Architecture;

/// <summary>Analog tiles hold RRAM crossbar cores; digital tiles hold SRAM MAC cores.</summary>
public enum TileKind
{
    Analog,
    Digital,
}
