namespace HybridSim.Specs.Units;

/// <summary>
/// Conversions between SI units and the units the reports use (pJ, ns, ms, mm²), named so the factor is written once.
/// Each is the single multiplication or division it names, so results are bit-for-bit those of the literal arithmetic.
/// </summary>
public static class Si
{
    /// <summary>Nanoseconds per second (also the factor from cycles / Hz to nanoseconds).</summary>
    public const double NanosecondsPerSecond = 1e9;

    public static double Picojoules(double joules) => joules * 1e12;

    public static double SecondsFromPicoseconds(double picoseconds) => picoseconds * 1e-12;

    public static double NanosecondsFromPicoseconds(double picoseconds) => picoseconds / 1000.0;

    public static double SecondsFromNanoseconds(double nanoseconds) => nanoseconds * 1e-9;

    public static double MillisecondsFromNanoseconds(double nanoseconds) => nanoseconds * 1e-6;

    /// <summary>A rate per second of an interval in nanoseconds.</summary>
    public static double PerSecondFromNanoseconds(double nanoseconds) => NanosecondsPerSecond / nanoseconds;

    public static double SquareMillimetres(double squareMetres) => squareMetres * 1e6;
}
