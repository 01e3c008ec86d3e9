using System.Globalization;

namespace HybridSim.Specs.Validation;

/// <summary>
/// How error messages quote input: at most <see cref="MaxChars"/> characters of its first line, marked when cut, so
/// a message never reproduces a file (issue 15, section 4: a base that is not a specification is not quoted at all).
/// </summary>
public static class Excerpt
{
    /// <summary>Longest part of a value an error message quotes.</summary>
    public const int MaxChars = 40;

    /// <summary><paramref name="text"/> itself when short and on one line, else its start and its length.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        var line = end >= 0 ? text[..end] : text;
        return line.Length <= MaxChars && end < 0
            ? text
            : string.Create(CultureInfo.InvariantCulture, $"{line[..Math.Min(line.Length, MaxChars)]}... ({text.Length} characters)");
    }
}
