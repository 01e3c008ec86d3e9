using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Specs.Units;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Architecture;

/// <summary>How a scaling parameter is written in <c>stated_for:</c>: a plain integer, or a quantity with its unit.</summary>
public enum ScalingParameterKind
{
    Integer,
    Size,
    Conductance,
    Frequency,
}

/// <summary>One parameter a component's figures may be stated for and scale with: its value in this architecture and
/// the node that set it (the user's file, a <c>--set</c>, or the variable definition it comes from).</summary>
public sealed record ScalingParameter(string Name, ScalingParameterKind Kind, double Value, SpecNode? SetAt)
{
    /// <summary>The value as a file writes it: <c>256</c>, <c>64KiB</c>.</summary>
    public string Text => Format(Kind, Value);

    public static string Format(ScalingParameterKind kind, double value) => Unit(kind) is { } unit
        ? UnitFormatter.Format(value, unit)
        : value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>The unit family a quantity parameter is written in; null for a plain integer.</summary>
    public static UnitKind? Unit(ScalingParameterKind kind) => kind switch
    {
        ScalingParameterKind.Size => UnitKind.Size,
        ScalingParameterKind.Conductance => UnitKind.Conductance,
        ScalingParameterKind.Frequency => UnitKind.Frequency,
        _ => null,
    };
}

/// <summary>
/// The parameters of the section that holds one <c>components:</c> list (docs/architecture-files.md, "Your own
/// architecture"): the MVMU's rows, cols, bits, ADC and DAC resolution and stack layers, a tile's shared memory. A
/// component's <c>stated_for</c> and <c>scaling</c> may name only these.
/// </summary>
public sealed class ScalingParameters
{
    private ScalingParameters(string section, ImmutableSortedDictionary<string, ScalingParameter> values, ImmutableSortedDictionary<string, string>? absent = null,
        ImmutableSortedSet<string>? unstated = null)
    {
        Section = section;
        Values = values;
        Absent = absent ?? ImmutableSortedDictionary<string, string>.Empty;
        Unstated = unstated ?? ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal);
    }

    /// <summary>The section whose keys they are, e.g. <c>tiles.analog.core.mvmu</c>.</summary>
    public string Section { get; }

    public ImmutableSortedDictionary<string, ScalingParameter> Values { get; }

    /// <summary>Parameters this section could have but this architecture does not state, each with why (what to state).</summary>
    public ImmutableSortedDictionary<string, string> Absent { get; }

    /// <summary>These parameters and one more, derived from other figures (e.g. the device's conductance window).</summary>
    public ScalingParameters With(ScalingParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return new ScalingParameters(Section, Values.SetItem(parameter.Name, parameter), Absent.Remove(parameter.Name), Unstated.Remove(parameter.Name));
    }

    /// <summary>These parameters, noting that <paramref name="name"/> is not stated here and <paramref name="why"/>:
    /// a <c>stated_for</c> naming it is an error.</summary>
    public ScalingParameters Without(string name, string why) => new(Section, Values.Remove(name), Absent.SetItem(name, why), Unstated);

    /// <summary>Parameters this architecture leaves unsaid: a figure stated for one is used at its stated value, unscaled.</summary>
    public ImmutableSortedSet<string> Unstated { get; private init; } = ImmutableSortedSet<string>.Empty.WithComparer(StringComparer.Ordinal);

    /// <summary>These parameters, with <paramref name="name"/> left unsaid (e.g. ideal cells say no conductance window).</summary>
    public ScalingParameters Unsaid(string name) => new(Section, Values.Remove(name), Absent.Remove(name), Unstated.Add(name));

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
