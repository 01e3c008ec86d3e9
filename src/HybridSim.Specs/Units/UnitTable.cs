using System.Collections.Immutable;

namespace HybridSim.Specs.Units;

/// <summary>The accepted unit suffixes. Symbols are case-sensitive (mW is not MW); <c>cycles</c> is handled by the parser.</summary>
public static class UnitTable
{
    public static ImmutableArray<Unit> All { get; } =
    [
        new("ps", UnitKind.Time, 1e-12),
        new("ns", UnitKind.Time, 1e-9),
        new("us", UnitKind.Time, 1e-6),
        new("ms", UnitKind.Time, 1e-3),
        new("s", UnitKind.Time, 1.0),
        new("fJ", UnitKind.Energy, 1e-15),
        new("pJ", UnitKind.Energy, 1e-12),
        new("nJ", UnitKind.Energy, 1e-9),
        new("uJ", UnitKind.Energy, 1e-6),
        new("mJ", UnitKind.Energy, 1e-3),
        new("J", UnitKind.Energy, 1.0),
        new("nW", UnitKind.Power, 1e-9),
        new("uW", UnitKind.Power, 1e-6),
        new("mW", UnitKind.Power, 1e-3),
        new("W", UnitKind.Power, 1.0),
        new("um2", UnitKind.Area, 1e-12),
        new("mm2", UnitKind.Area, 1e-6),
        new("m2", UnitKind.Area, 1.0),
        new("bit", UnitKind.Size, 0.125),
        new("bits", UnitKind.Size, 0.125),
        new("B", UnitKind.Size, 1.0),
        new("KiB", UnitKind.Size, 1024.0),
        new("MiB", UnitKind.Size, 1024.0 * 1024.0),
        new("GiB", UnitKind.Size, 1024.0 * 1024.0 * 1024.0),
        new("Hz", UnitKind.Frequency, 1.0),
        new("kHz", UnitKind.Frequency, 1e3),
        new("MHz", UnitKind.Frequency, 1e6),
        new("GHz", UnitKind.Frequency, 1e9),
        new("ohm", UnitKind.Resistance, 1.0),
        new("kohm", UnitKind.Resistance, 1e3),
        new("Mohm", UnitKind.Resistance, 1e6),
        new("nS", UnitKind.Conductance, 1e-9),
        new("uS", UnitKind.Conductance, 1e-6),
        new("mS", UnitKind.Conductance, 1e-3),
        new("S", UnitKind.Conductance, 1.0),
    ];

    /// <summary>The SI unit values of a family are stored in.</summary>
    public static string SiName(UnitKind kind) => kind switch
    {
        UnitKind.Time => "seconds",
        UnitKind.Energy => "joules",
        UnitKind.Power => "watts",
        UnitKind.Area => "square metres",
        UnitKind.Size => "bytes",
        UnitKind.Frequency => "hertz",
        UnitKind.Resistance => "ohms",
        UnitKind.Conductance => "siemens",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>A phrase such as "a time (ps, ns, us, ms, s or cycles)" for error messages and <c>describe</c>.</summary>
    public static string Describe(UnitKind kind)
    {
        var symbols = All.Where(u => u.Kind == kind).Select(u => u.Symbol).ToList();
        if (kind == UnitKind.Time)
        {
            symbols.Add("cycles");
        }

        return $"{Noun(kind)} ({string.Join(", ", symbols)})";
    }

    /// <summary>"a time", "an energy"...</summary>
    public static string Noun(UnitKind kind) => kind switch
    {
        UnitKind.Time => "a time",
        UnitKind.Energy => "an energy",
        UnitKind.Power => "a power",
        UnitKind.Area => "an area",
        UnitKind.Size => "a size",
        UnitKind.Frequency => "a frequency",
        UnitKind.Resistance => "a resistance",
        UnitKind.Conductance => "a conductance",
        _ => "a quantity",
    };

    public static Unit? Find(string symbol) => All.FirstOrDefault(u => u.Symbol == symbol);
}
