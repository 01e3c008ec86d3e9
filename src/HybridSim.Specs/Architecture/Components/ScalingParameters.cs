using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Specs.Units;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Architecture;

/// <summary>How a scaling parameter is written in <c>stated_for:</c>: a plain integer, or a size with its unit.</summary>
public enum ScalingParameterKind
{
    Integer,
    Size,
}

/// <summary>One parameter a component's figures may be stated for and scale with: its value in this architecture and
/// the node that set it (the user's file, a <c>--set</c>, or the variable definition it comes from).</summary>
public sealed record ScalingParameter(string Name, ScalingParameterKind Kind, double Value, SpecNode? SetAt)
{
    /// <summary>The value as a file writes it: <c>256</c>, <c>64KiB</c>.</summary>
    public string Text => Format(Kind, Value);

    public static string Format(ScalingParameterKind kind, double value) => kind == ScalingParameterKind.Size
        ? UnitFormatter.Format(value, UnitKind.Size)
        : value.ToString("0.####", CultureInfo.InvariantCulture);
}

/// <summary>
/// The parameters of the section that holds one <c>components:</c> list (docs/architecture-files.md, "Your own
/// architecture"): the MVMU's rows, cols, bits, ADC and DAC resolution and stack layers, a tile's shared memory. A
/// component's <c>stated_for</c> and <c>scaling</c> may name only these.
/// </summary>
public sealed class ScalingParameters
{
    private ScalingParameters(string section, ImmutableSortedDictionary<string, ScalingParameter> values)
    {
        Section = section;
        Values = values;
    }

    /// <summary>The section whose keys they are, e.g. <c>tiles.analog.core.mvmu</c>.</summary>
    public string Section { get; }

    public ImmutableSortedDictionary<string, ScalingParameter> Values { get; }

    /// <summary>No parameters (the NoC, the node and the core: their figures are stated without a configuration).</summary>
    public static ScalingParameters None(string section) => new(section, ImmutableSortedDictionary<string, ScalingParameter>.Empty);

    /// <summary>The integer keys <paramref name="names"/> of the mapping <paramref name="r"/> reads, as the schema read them.</summary>
    public static ScalingParameters Of(MappingReader r, IEnumerable<(string Name, double Value)> integers, IEnumerable<(string Name, double Value)>? sizes = null)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(integers);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, ScalingParameter>(StringComparer.Ordinal);
        foreach (var (name, value) in integers)
        {
            builder[name] = new ScalingParameter(name, ScalingParameterKind.Integer, value, SetAt(r, name));
        }

        foreach (var (name, value) in sizes ?? [])
        {
            builder[name] = new ScalingParameter(name, ScalingParameterKind.Size, value, SetAt(r, name));
        }

        return new ScalingParameters(r.Path, builder.ToImmutable());
    }

    private static SpecNode? SetAt(MappingReader r, string name) => r.Mapping[name] switch
    {
        SpecScalar s => s.SetAt,
        { } n => n,
        null => null,
    };
}
