using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Yaml;

/// <summary>One <c>--set KEY=VALUE</c>: KEY is a variable name or a dotted path; VALUE is a YAML scalar or flow value.</summary>
/// <param name="Index">1-based position among the overrides; used as the "line" of errors located in the override.</param>
public sealed record SpecOverride(string Key, string Value, int Index)
{
    /// <summary>The pseudo-file name errors in overrides are reported against.</summary>
    public const string FileName = "--set";

    /// <summary>Parses "KEY=VALUE" strings; malformed ones are reported to <paramref name="errors"/>.</summary>
    public static IReadOnlyList<SpecOverride> ParseAll(IEnumerable<string> texts, SpecErrorList errors)
    {
        var result = new List<SpecOverride>();
        var index = 0;
        foreach (var text in texts)
        {
            index++;
            var eq = text.IndexOf('=', StringComparison.Ordinal);
            var key = eq > 0 ? text[..eq].Trim() : "";
            if (eq <= 0 || key.Length == 0 || key.StartsWith('.') || key.EndsWith('.') || key.Contains("..", StringComparison.Ordinal))
            {
                errors.Add(FileName, index, 1, text, $"'{text}' is not KEY=VALUE; expected a variable name or dotted path, '=', and a value (e.g. tiles.analog.core.mvmu.adc_bits=7)");
                continue;
            }

            result.Add(new SpecOverride(key, text[(eq + 1)..], index));
        }

        return result;
    }
}
