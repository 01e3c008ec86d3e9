using System.Collections.Immutable;
using HybridSim.Specs.Validation;

namespace HybridSim.Sweeps;

/// <summary>A <c>--vary KEY=V1,V2,...</c> axis: an architecture variable or dotted path (or <c>freeze</c>/<c>rank</c>) and its values.</summary>
public sealed record SweepVariable(string Key, ImmutableArray<string> Values)
{
    /// <summary>Parses <c>KEY=V1,V2,...</c>; values are kept as written (units and all) and passed on as <c>--set KEY=V</c>.</summary>
    /// <exception cref="SpecException">No '=', an empty key, or an empty or repeated value.</exception>
    public static SweepVariable Parse(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            throw Usage(text, "expected KEY=V1,V2,... (e.g. --vary xbar_size=64,128)");
        }

        var key = text[..equals].Trim();
        var values = text[(equals + 1)..].Split(',').Select(v => v.Trim()).ToImmutableArray();
        if (values.Any(v => v.Length == 0))
        {
            throw Usage(text, "empty value in the list; expected KEY=V1,V2,... without empty entries");
        }

        var repeated = values.GroupBy(v => v, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw Usage(text, $"value '{repeated.Key}' is listed twice");
        }

        return new SweepVariable(key, values);
    }

    public bool IsPartition => Key is SweepDefinition.FreezeKey or SweepDefinition.RankKey;

    private static SpecException Usage(string text, string message) => new(new SpecError("--vary", 0, 0, text, message));
}
