namespace HybridSim.Hardware;

/// <summary>Conversions between SI seconds from the specs and whole clock cycles.</summary>
public static class Cycles
{
    /// <summary>Whole cycles a duration occupies: rounded up, with a small tolerance so 100 ns at 1 GHz is 100 cycles, not 101.</summary>
    public static long FromSeconds(double seconds, double clockHz) =>
        seconds <= 0 ? 0 : (long)Math.Ceiling((seconds * clockHz) - 1e-6);
}
