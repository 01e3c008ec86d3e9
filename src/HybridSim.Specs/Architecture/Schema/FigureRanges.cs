using HybridSim.Specs.Units;

namespace HybridSim.Specs.Architecture.Schema;

/// <summary>
/// The range every numeric figure of an architecture file must lie in (docs/architecture-files.md, "Ranges").
/// The bounds sit far outside any real design and exist so that no figure, however large, can overflow what is
/// computed from it: a time in 64-bit picoseconds, a cycle count, an energy or an area summed over a run and printed,
/// an array sized by a count. A value outside its range is an error naming the field and the range, before any work.
/// </summary>
public static class FigureRanges
{
    /// <summary>Slowest clock: 1 kHz (one cycle = 10^9 ps).</summary>
    public const double MinClockHz = 1e3;

    /// <summary>Fastest clock: 1 THz, one cycle = 1 ps, the kernel's time unit (a faster clock would have 0-ps cycles).</summary>
    public const double MaxClockHz = 1e12;

    /// <summary>Longest time one figure may give (a latency): 1 s = 10^12 ps. Runs add up millions of such times in 64-bit picoseconds.</summary>
    public const double MaxTimeSeconds = 1.0;

    /// <summary>Largest energy of one action: 1 J (real actions take femto- to nanojoules).</summary>
    public const double MaxEnergyJoules = 1.0;

    /// <summary>Largest static power of one instance: 1 kW.</summary>
    public const double MaxPowerWatts = 1e3;

    /// <summary>Largest area of one instance: 1 m2 (a wafer is 0.07 m2).</summary>
    public const double MaxAreaSquareMeters = 1.0;

    /// <summary>Largest memory size (a tile's shared memory): 64 MiB (PUMA: 64 KiB).</summary>
    public const double MaxSizeBytes = 64.0 * 1024 * 1024;

    /// <summary>Largest resistance: 1 Gohm.</summary>
    public const double MaxResistanceOhms = 1e9;

    /// <summary>Most cycles an integer latency field may give (router, link, shared-memory, instruction latencies).</summary>
    public const long MaxCycles = 1_000_000;

    /// <summary>Largest crossbar or weight-buffer dimension (rows, cols) and per-unit counts such as ADCs or MACs.</summary>
    public const long MaxDimension = 65_536;

    /// <summary>Most cores per tile: each is simulated as a process with its own program.</summary>
    public const long MaxCoresPerTile = 1_024;

    /// <summary>Most MVMUs per core: an mvm instruction masks them with 64 bits.</summary>
    public const long MaxMvmusPerCore = 64;

    /// <summary>Most tiles of one kind in a fixed count, and most tiles per node.</summary>
    public const long MaxTiles = 65_536;

    /// <summary>Most concurrent shared-memory ports of a tile: each is a timeline of its own.</summary>
    public const long MaxSharedMemoryPorts = 64;

    /// <summary>Most entries of a memory counted in entries or words (instruction memories, register file).</summary>
    public const long MaxMemoryEntries = 16_777_216;

    /// <summary>Most bits of a weight, an input or an ADC conversion.</summary>
    public const long MaxBits = 32;

    /// <summary>Most instances of a component per parent.</summary>
    public const long MaxComponentCount = 1_000_000;

    /// <summary>The largest value of a figure of <paramref name="kind"/>, in SI units.</summary>
    public static double MaxSi(UnitKind kind) => kind switch
    {
        UnitKind.Time => MaxTimeSeconds,
        UnitKind.Energy => MaxEnergyJoules,
        UnitKind.Power => MaxPowerWatts,
        UnitKind.Area => MaxAreaSquareMeters,
        UnitKind.Size => MaxSizeBytes,
        UnitKind.Frequency => MaxClockHz,
        UnitKind.Resistance => MaxResistanceOhms,
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };
}
