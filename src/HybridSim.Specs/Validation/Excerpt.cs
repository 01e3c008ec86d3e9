using System.Globalization;
using System.Text;

namespace HybridSim.Specs.Validation;

/// <summary>
/// How error messages quote input: at most <see cref="MaxChars"/> characters of its first line, marked when cut, with
/// control characters escaped (<c>\t</c>, <c>\x1B</c>), so a message never reproduces a file nor sends a terminal
/// escape (issue 15, section 4: a base that is not a specification is not quoted at all; issue 24, case 18).
/// </summary>
public static class Excerpt
{
    /// <summary>Longest part of a value an error message quotes.</summary>
    public const int MaxChars = 40;

    /// <summary><paramref name="text"/> itself when short and on one line, else its start and its length.</summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Of(text.AsSpan());
    }

    /// <summary>As <see cref="Of(string)"/>, for a span.</summary>
    public static string Of(ReadOnlySpan<char> text)
    {
        var end = text.IndexOfAny('\r', '\n');
        var line = end >= 0 ? text[..end] : text;
        return line.Length <= MaxChars && end < 0
            ? Escaped(text)
            : string.Create(CultureInfo.InvariantCulture, $"{Escaped(line[..Math.Min(line.Length, MaxChars)])}... ({text.Length} characters)");
    }

    /// <summary>As <see cref="Of(string)"/>, for UTF-8 bytes (the length counted in bytes when cut).</summary>
    public static string Of(ReadOnlySpan<byte> utf8)
    {
        var head = utf8[..Math.Min(utf8.Length, (4 * MaxChars) + 4)];
        var text = Encoding.UTF8.GetString(head);
        var end = text.AsSpan().IndexOfAny('\r', '\n');
        var line = end >= 0 ? text.AsSpan(0, end) : text.AsSpan();
        return line.Length <= MaxChars && end < 0 && head.Length == utf8.Length
            ? Escaped(text)
            : string.Create(CultureInfo.InvariantCulture, $"{Escaped(line[..Math.Min(line.Length, MaxChars)])}... ({utf8.Length} bytes)");
    }

    private static string Escaped(ReadOnlySpan<char> text)
    {
        if (!text.ContainsAnyInRange('\0', '\x1F') && !text.ContainsAnyInRange('\x7F', '\x9F'))
        {
            return text.ToString();
        }

        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = c switch
            {
                '\t' => sb.Append("\\t"),
                _ when char.IsControl(c) => sb.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }
}
