using System.Globalization;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// Conversion of SI seconds from the specs to whole clock cycles, the one rounding rule the compiler's cost estimate
/// and the hardware models share: rounded up, with a small tolerance so 100 ns at 1 GHz is 100 cycles, not 101.
/// </summary>
public static class ClockCycles
{
    /// <summary>Cycles a duration may fall short of the next whole cycle and still round down to it (floating-point noise).</summary>
    public const double RoundingTolerance = 1e-6;

    /// <summary>Most cycles one duration may convert to (2^53: exact in a double, and far from overflowing when multiplied by a cycle's picoseconds and summed).</summary>
    public const long MaxDurationCycles = 1L << 53;

    /// <summary>Whole cycles (rounded up, within <see cref="RoundingTolerance"/>) a fractional cycle count occupies; not clamped.</summary>
    public static double RoundUp(double cycles) => Math.Ceiling(cycles - RoundingTolerance);

    /// <summary>
    /// Whole cycles a duration occupies (0 for a duration that is not positive). A duration that does not fit (or is not
    /// a number) is a <see cref="SpecException"/> naming <paramref name="field"/> of <paramref name="file"/> and the
    /// longest duration allowed at this clock.
    /// </summary>
    public static long FromSeconds(double seconds, double clockHz, string file, string field)
    {
        if (seconds <= 0)
        {
            return 0;
        }

        var cycles = RoundUp(seconds * clockHz);
        if (!(cycles <= MaxDurationCycles))
        {
            throw new SpecException(new SpecError(file, 0, 0, field, string.Create(CultureInfo.InvariantCulture,
                $"{seconds:R} s at {clockHz:R} Hz is more than {MaxDurationCycles} cycles; expected a time of at most {MaxDurationCycles / clockHz:R} s at this clock")));
        }

        return (long)cycles;
    }

    /// <summary>
    /// The same rounding for an estimate that must never fail: a duration that is not positive or not a number is 0
    /// cycles, and one above <paramref name="capCycles"/> is <paramref name="capCycles"/>.
    /// </summary>
    public static long Saturating(double seconds, double clockHz, long capCycles)
    {
        var cycles = RoundUp(seconds * clockHz);
        return cycles > 0 ? (long)Math.Min(cycles, capCycles) : 0;
    }
}
