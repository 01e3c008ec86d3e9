using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace HybridSim.Cli;

/// <summary>
/// Gives every numeric option of the command tree a parser whose error says what was expected in words
/// ("--freeze: 'abc' is not a whole number; expected a whole number of at most 2147483647 in size") instead of
/// System.CommandLine's "expected type 'System.Nullable`1[System.Int32]'". Invariant culture throughout.
/// </summary>
public static class NumericOptions
{
    public static void Apply(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var option in command.Options)
        {
            switch (option)
            {
                case Option<int> o:
                    o.CustomParser = r => ParseInt(r, o.Name) ?? 0;
                    break;
                case Option<int?> o:
                    o.CustomParser = r => ParseInt(r, o.Name);
                    break;
                case Option<ulong> o:
                    o.CustomParser = r => ParseUnsigned(r, o.Name);
                    break;
                case Option<double> o:
                    o.CustomParser = r => ParseDouble(r, o.Name);
                    break;
                case Option<double?> o:
                    o.CustomParser = r => ParseDouble(r, o.Name);
                    break;
            }
        }

        foreach (var sub in command.Subcommands)
        {
            Apply(sub);
        }
    }

    private static int? ParseInt(ArgumentResult result, string name)
    {
        if (Single(result, name) is not { } text)
        {
            return null;
        }

        var range = string.Create(CultureInfo.InvariantCulture, $"expected a whole number of at most {int.MaxValue} in size");
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        var digits = text.TrimStart('+', '-');
        result.AddError(digits.Length > 0 && digits.All(char.IsAsciiDigit)
            ? $"{name}: {text} is too {(text.StartsWith('-') ? "small" : "large")}; {range}"
            : $"{name}: '{text}' is not a whole number; {range}");
        return null;
    }

    private static ulong ParseUnsigned(ArgumentResult result, string name)
    {
        if (Single(result, name) is not { } text)
        {
            return 0;
        }

        if (ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError(text.Length > 0 && text.All(char.IsAsciiDigit)
            ? string.Create(CultureInfo.InvariantCulture, $"{name}: {text} is too large; expected a whole number from 0 to {ulong.MaxValue}")
            : string.Create(CultureInfo.InvariantCulture, $"{name}: '{text}' is not a whole number; expected a whole number from 0 to {ulong.MaxValue}"));
        return 0;
    }

    private static double ParseDouble(ArgumentResult result, string name)
    {
        if (Single(result, name) is not { } text)
        {
            return 0;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        result.AddError($"{name}: '{text}' is not a number; expected a finite number such as 0.01 or 1e-3");
        return 0;
    }

    private static string? Single(ArgumentResult result, string name)
    {
        if (result.Tokens.Count == 1)
        {
            return result.Tokens[0].Value;
        }

        result.AddError(result.Tokens.Count == 0 ? $"{name}: expected a value" : $"{name}: expected one value, found {result.Tokens.Count}");
        return null;
    }
}
