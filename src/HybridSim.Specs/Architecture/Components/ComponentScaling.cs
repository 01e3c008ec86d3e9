using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Specs.Architecture.Schema;
using HybridSim.Specs.Units;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// A component's figures as a model of the architecture's parameters (docs/architecture-files.md, "Your own
/// architecture"; docs/model.md section 6). <c>stated_for:</c> names the configuration the figures were stated for
/// (<c>{rows: 128, cols: 128}</c>); <c>scaling:</c> gives, per figure, how it follows each of those parameters: a
/// power law (figure x (value / stated)^exponent, exponent 0 = independent of it) or <c>exp2</c> (figure x
/// 2^(value - stated), the Walden figure of merit's doubling per bit). The figures are the anchor: at the stated
/// configuration the model gives them unchanged. A parameter that differs from the stated one while a figure has no
/// rule for it leaves that figure stale: a warning naming the figure, both configurations and the file that set the
/// parameter.
/// </summary>
public static class ComponentScaling
{
    public const string StatedForKey = "stated_for";
    public const string ScalingKey = "scaling";
    public const string Exp2 = "exp2";
    public const string Count = "count";
    public const string Latency = "latency";
    public const string Energy = "energy";
    public const string Leakage = "leakage";
    public const string Area = "area";
    public const string SourceKey = "source";

    /// <summary>The figures a <c>scaling:</c> may give a rule for.</summary>
    public static ImmutableArray<string> Figures { get; } = [Count, Latency, Energy, Leakage, Area];

    /// <summary>Largest |exponent| of a power law: far beyond any physical scaling, small enough that no factor overflows.</summary>
    public const double MaxExponent = 8;

    private sealed record Stated(string Name, double Value, SpecNode Node);

    private sealed record Term(double Exponent, bool Doubling)
    {
        public double Factor(double value, double stated) => Doubling ? Math.Pow(2, value - stated) : Math.Pow(value / stated, Exponent);

        public override string ToString() => Doubling ? Exp2 : Exponent.ToString("0.###", CultureInfo.InvariantCulture);
    }

    /// <summary>The component with its figures scaled to <paramref name="parameters"/>; errors and stale-figure warnings collected.</summary>
    public static ComponentSpec Apply(ComponentSpec spec, SpecMapping component, string path, ScalingParameters parameters, SpecErrorList errors, SpecErrorList warnings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(component);
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(warnings);
        var stated = ReadStatedFor(component, path, parameters, errors);
        var laws = ReadScaling(component, path, stated, errors);
        if (stated.Count == 0 || errors.HasErrors)
        {
            return spec;
        }

        var factors = Figures.ToDictionary(f => f, f => laws.TryGetValue(f, out var law)
            ? law.Aggregate(1.0, (acc, kv) => acc * kv.Value.Factor(parameters.Values[kv.Key].Value, stated[kv.Key].Value))
            : 1.0);
        WarnStale(spec, component, path, parameters, stated, laws, warnings);
        if (factors.Values.All(f => f == 1.0))
        {
            return spec;
        }

        var count = spec.Count;
        if (factors[Count] != 1.0)
        {
            var scaled = Math.Round(spec.Count * factors[Count], MidpointRounding.AwayFromZero);
            if (scaled > FigureRanges.MaxComponentCount)
            {
                errors.Add(component, $"{path}.{Count}", string.Create(CultureInfo.InvariantCulture,
                    $"count {spec.Count} scaled by {factors[Count]:0.####} is {scaled}, above the largest count {FigureRanges.MaxComponentCount}"));
                return spec;
            }

            count = (int)Math.Max(scaled, spec.Count > 0 ? 1 : 0);
        }

        var moved = parameters.Values.Values.Where(p => stated.TryGetValue(p.Name, out var s) && s.Value != p.Value).ToList();
        var note = moved.Count == 0 ? "" : $"; scaled from stated_for {{{string.Join(", ", moved.Select(p => $"{p.Name}: {ScalingParameter.Format(p.Kind, stated[p.Name].Value)}"))}}} to {{{string.Join(", ", moved.Select(p => $"{p.Name}: {p.Text}"))}}}";
        return spec with
        {
            Count = count,
            LatencySeconds = spec.LatencySeconds * factors[Latency],
            EnergyJoules = spec.EnergyJoules.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value * factors[Energy], StringComparer.Ordinal),
            LeakageWatts = spec.LeakageWatts * factors[Leakage],
            AreaSquareMeters = spec.AreaSquareMeters * factors[Area],
            Source = spec.Source + note,
        };
    }

    private static void WarnStale(ComponentSpec spec, SpecMapping component, string path, ScalingParameters parameters,
        Dictionary<string, Stated> stated, Dictionary<string, Dictionary<string, Term>> laws, SpecErrorList warnings)
    {
        var given = new List<string>();
        if (spec.LatencySeconds > 0)
        {
            given.Add(Latency);
        }

        if (spec.EnergyJoules.Values.Any(e => e > 0))
        {
            given.Add(Energy);
        }

        if (spec.LeakageWatts > 0)
        {
            given.Add(Leakage);
        }

        if (spec.AreaSquareMeters > 0)
        {
            given.Add(Area);
        }

        var moved = stated.Values
            .Select(s => (Stated: s, Actual: parameters.Values[s.Name]))
            .Where(p => p.Actual.Value != p.Stated.Value)
            .Select(p => (p.Stated, p.Actual, Figures: given.Where(f => !laws.TryGetValue(f, out var law) || !law.ContainsKey(p.Stated.Name)).ToList()))
            .Where(p => p.Figures.Count > 0)
            .ToList();
        if (moved.Count == 0)
        {
            return;
        }

        // One warning per component, at the value that moved in the file that set it (the user's, not the base's).
        var stale = given.Where(f => moved.Any(m => m.Figures.Contains(f))).ToList();
        var where = moved[0].Actual.SetAt ?? component;
        var statedText = string.Join(", ", moved.Select(m => $"{m.Stated.Name} {ScalingParameter.Format(m.Actual.Kind, m.Stated.Value)}"));
        var actualText = string.Join(", ", moved.Select(m => $"{m.Stated.Name} {m.Actual.Text}{(m.Actual.SetAt is { } at ? $" (set at {Locate(at)})" : "")}"));
        var one = stale.Count == 1;
        warnings.Add(where, path,
            $"{string.Join(", ", stale)} {(one ? "is" : "are")} stated for {statedText} ({Locate(moved[0].Stated.Node)}), but this architecture has {actualText}; "
            + $"the figure{(one ? " is" : "s are")} used unchanged. Restate {(one ? "it" : "them")} with stated_for, or give {path}.scaling a rule for "
            + $"{string.Join(", ", moved.Select(m => m.Stated.Name))} (docs/architecture-files.md, \"Your own architecture\")");
    }

    private static string Locate(SpecNode node) => string.Create(CultureInfo.InvariantCulture, $"{node.File}:{node.Line}");

    private static Dictionary<string, Stated> ReadStatedFor(SpecMapping component, string path, ScalingParameters parameters, SpecErrorList errors)
    {
        var result = new Dictionary<string, Stated>(StringComparer.Ordinal);
        switch (component[StatedForKey])
        {
            case null:
                return result;
            case SpecMapping m:
                foreach (var e in m.Entries)
                {
                    var at = $"{path}.{StatedForKey}.{e.Name}";
                    if (parameters.Unstated.Contains(e.Name))
                    {
                        // The architecture does not say this parameter: the figures hold at their stated value.
                        continue;
                    }

                    if (!parameters.Values.TryGetValue(e.Name, out var parameter) && parameters.Absent.TryGetValue(e.Name, out var why))
                    {
                        errors.Add(e.Key, at, $"this architecture has no {e.Name}: {why}");
                        continue;
                    }

                    if (parameter is null)
                    {
                        errors.Add(e.Key, at, parameters.Values.IsEmpty
                            ? $"the components of {parameters.Section} scale with no parameter; remove stated_for"
                            : $"unknown parameter '{Excerpt.Of(e.Name)}'{DidYouMean.Hint(e.Name, parameters.Values.Keys)}; expected one of the keys of {parameters.Section}: {string.Join(", ", parameters.Values.Keys)}");
                        continue;
                    }

                    if (ParseValue(e.Value, parameter.Kind) is { } v)
                    {
                        result[e.Name] = new Stated(e.Name, v, e.Value);
                    }
                    else
                    {
                        var unit = ScalingParameter.Unit(parameter.Kind);
                        errors.Add(e.Value, at, $"expected {(unit is { } u ? $"{UnitTable.Noun(u)} above 0 (e.g. {UnitParser.Example(u).Trim('\'')})" : "a number above 0")}, the {e.Name} the figures were stated for; found {e.Value.KindName}");
                    }
                }

                return result;
            default:
                // Not a mapping: the schema has reported it (section 'component', key stated_for).
                return result;
        }
    }

    private static double? ParseValue(SpecNode node, ScalingParameterKind kind)
    {
        if (node is not SpecScalar { IsNull: false } s)
        {
            return null;
        }

        if (ScalingParameter.Unit(kind) is { } unit)
        {
            return UnitParser.TryParse(s.Value, unit, null, out var quantity, out _) && quantity > 0 && double.IsFinite(quantity) ? quantity : null;
        }

        return double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v) ? v : null;
    }

    private static Dictionary<string, Dictionary<string, Term>> ReadScaling(SpecMapping component, string path, Dictionary<string, Stated> stated, SpecErrorList errors)
    {
        var result = new Dictionary<string, Dictionary<string, Term>>(StringComparer.Ordinal);
        var node = component[ScalingKey];
        if (node is null)
        {
            return result;
        }

        var at = $"{path}.{ScalingKey}";
        if (node is not SpecMapping m)
        {
            // Reported by the schema (section 'component', key scaling).
            return result;
        }

        if (component[StatedForKey] is null)
        {
            errors.Add(m, at, "scaling needs stated_for: the configuration the figures were stated for (e.g. stated_for: {adc_bits: 8})");
            return result;
        }

        if (m[SourceKey] is not SpecScalar { IsNull: false })
        {
            errors.Add(m, $"{at}.{SourceKey}", "missing required field 'source': say where the scaling rules come from (paper, model, table)");
        }

        foreach (var e in m.Entries.Where(e => e.Name != SourceKey))
        {
            if (!Figures.Contains(e.Name))
            {
                errors.Add(e.Key, $"{at}.{e.Name}", $"unknown figure '{Excerpt.Of(e.Name)}'{DidYouMean.Hint(e.Name, Figures.Append(SourceKey))}; expected one of: {string.Join(", ", Figures)}, source");
                continue;
            }

            if (e.Value is not SpecMapping law)
            {
                errors.Add(e.Value, $"{at}.{e.Name}", $"expected a mapping parameter: exponent | exp2 (e.g. {{rows: 1, cols: 1}}), found {e.Value.KindName}");
                continue;
            }

            var terms = result[e.Name] = new Dictionary<string, Term>(StringComparer.Ordinal);
            foreach (var t in law.Entries)
            {
                var tat = $"{at}.{e.Name}.{t.Name}";
                // A parameter stated with a bad value has its own error; only a missing one is reported here.
                if (!stated.ContainsKey(t.Name) && !(component[StatedForKey] is SpecMapping sf && sf[t.Name] is not null))
                {
                    errors.Add(t.Key, tat, $"a rule for '{Excerpt.Of(t.Name)}' needs the value the figures were stated for: add it to {path}.{StatedForKey}");
                    continue;
                }

                if (!stated.ContainsKey(t.Name))
                {
                    continue;
                }

                if (t.Value is SpecScalar { Value: Exp2 })
                {
                    terms[t.Name] = new Term(0, Doubling: true);
                }
                else if (t.Value is SpecScalar s && double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && Math.Abs(x) <= MaxExponent)
                {
                    terms[t.Name] = new Term(x, Doubling: false);
                }
                else
                {
                    errors.Add(t.Value, tat, string.Create(CultureInfo.InvariantCulture,
                        $"expected an exponent from -{MaxExponent} to {MaxExponent} (figure x (value / stated)^exponent; 0: independent) or {Exp2} (figure x 2^(value - stated)), found {t.Value.KindName}"));
                }
            }
        }

        return result;
    }
}
