namespace HybridSim.Specs.Units;

/// <summary>Families of physical quantities a specification value may carry; each parses to one SI unit.</summary>
public enum UnitKind
{
    /// <summary>Seconds: ps, ns, us, ms, s, or cycles (resolved with the clock).</summary>
    Time,

    /// <summary>Joules: fJ, pJ, nJ, uJ, mJ, J.</summary>
    Energy,

    /// <summary>Watts: nW, uW, mW, W.</summary>
    Power,

    /// <summary>Square metres: um2, mm2, m2.</summary>
    Area,

    /// <summary>Bytes: bit(s), B, KiB, MiB, GiB.</summary>
    Size,

    /// <summary>Hertz: Hz, kHz, MHz, GHz.</summary>
    Frequency,

    /// <summary>Ohms: ohm, kohm, Mohm.</summary>
    Resistance,

    /// <summary>Siemens: nS, uS, mS, S (a device's conductance window).</summary>
    Conductance,
}
