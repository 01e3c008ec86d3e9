using System.Collections.Immutable;
using System.Globalization;

namespace HybridSim.Plotting;

/// <summary>
/// Colour-blind-safe colours: the Okabe–Ito qualitative palette for series (yellow last, as it is faint on white), the
/// marker shapes that go with them, and viridis for heat maps.
/// </summary>
public static class Palette
{
    public static readonly ImmutableArray<string> Series =
        ["#0072B2", "#D55E00", "#009E73", "#E69F00", "#CC79A7", "#56B4E9", "#000000", "#F0E442"];

    // Viridis at 0, 0.25, 0.5, 0.75, 1 (matplotlib), interpolated linearly in between.
    private static readonly (int R, int G, int B)[] ViridisAnchors =
        [(0x44, 0x01, 0x54), (0x3B, 0x52, 0x8B), (0x21, 0x91, 0x8C), (0x5E, 0xC9, 0x62), (0xFD, 0xE7, 0x25)];

    /// <summary>Colour of series number <paramref name="index"/> (cycling).</summary>
    public static string SeriesColor(int index) => Series[index % Series.Length];

    /// <summary>Marker of series number <paramref name="index"/>: circle, square, triangle, diamond, inverted triangle (cycling).</summary>
    public static MarkerShape SeriesMarker(int index) => (MarkerShape)(index % 5);

    /// <summary>Viridis colour at <paramref name="t"/> in [0, 1] (clamped), as "#rrggbb".</summary>
    public static string Viridis(double t)
    {
        t = double.IsNaN(t) ? 0 : Math.Clamp(t, 0, 1);
        var position = t * (ViridisAnchors.Length - 1);
        var i = Math.Min((int)Math.Floor(position), ViridisAnchors.Length - 2);
        var f = position - i;
        var a = ViridisAnchors[i];
        var b = ViridisAnchors[i + 1];
        return Hex(Lerp(a.R, b.R, f), Lerp(a.G, b.G, f), Lerp(a.B, b.B, f));
    }

    /// <summary>True when black text reads better than white on <paramref name="hex"/> (relative luminance above 0.4).</summary>
    public static bool IsLight(string hex)
    {
        var r = int.Parse(hex.AsSpan(1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
        var g = int.Parse(hex.AsSpan(3, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
        var b = int.Parse(hex.AsSpan(5, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
        return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.4;
    }

    private static int Lerp(int a, int b, double f) => (int)Math.Round(a + (b - a) * f);

    private static string Hex(int r, int g, int b) =>
        "#" + r.ToString("X2", CultureInfo.InvariantCulture) + g.ToString("X2", CultureInfo.InvariantCulture) + b.ToString("X2", CultureInfo.InvariantCulture);
}
