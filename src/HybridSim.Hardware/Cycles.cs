using System.Globalization;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;

namespace HybridSim.Hardware;

/// <summary>
/// Conversions between SI seconds from the specs and whole clock cycles, and the limit of the kernel's clock. Every
/// conversion is checked, and the Hardware project compiles with overflow checking on, so a time that does not fit
/// is an error (exit 1), never a wrapped, negative or saturated count.
/// </summary>
public static class Cycles
{
    /// <summary>Most cycles one duration may convert to: <see cref="ClockCycles.MaxDurationCycles"/>.</summary>
    public const long MaxDurationCycles = ClockCycles.MaxDurationCycles;

    /// <summary>Longest simulated run: the kernel counts picoseconds in a signed 64-bit integer (about 106.75 days).</summary>
    public static double MaxSimulatedSeconds => long.MaxValue * 1e-12;

    /// <summary>Whole cycles a duration occupies: <see cref="ClockCycles.FromSeconds"/>, the rule the compiler's estimate shares.</summary>
    public static long FromSeconds(double seconds, double clockHz, string file, string field) =>
        ClockCycles.FromSeconds(seconds, clockHz, file, field);

    /// <summary>Whole cycles (rounded up) of a time in picoseconds, without overflowing near the clock's limit.</summary>
    public static long FromPicoseconds(long picoseconds, long cyclePicoseconds) =>
        (picoseconds / cyclePicoseconds) + (picoseconds % cyclePicoseconds > 0 ? 1 : 0);

    /// <summary>The error for a run whose simulated time (or a count derived from it) passed the 64-bit clock.</summary>
    public static SpecException Overflow(string file) =>
        new(new SpecError(file, 0, 0, "simulated time", string.Create(CultureInfo.InvariantCulture,
            $"the run takes longer than the simulator's 64-bit picosecond clock can count ({MaxSimulatedSeconds:0} s, about 106 days of simulated time); expected latencies, a clock and a --batch that finish sooner")));
}
