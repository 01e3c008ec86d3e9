using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// The technology node (docs/architecture-files.md, "Your own architecture"): top-level <c>technology: 22nm</c> is the
/// node of the design; <c>technology_scaling:</c> (data, with a source) names the node every component figure is stated
/// for and, per node, a relative area and the coefficients (a, b, c) of a relative energy a·V² + b·V + c compared at one
/// supply voltage <c>vdd</c> (Stillmaker and Baas's fits), and optionally the coefficients of a relative delay
/// polynomial in the same supply (their delay fits, highest power first). When the two nodes differ, every component's
/// energy and leakage are scaled by the energy ratio, its area by the area ratio and its latency by the delay ratio; a
/// latency when either node has no delay fit is used unchanged and warned about as stale. Absent <c>technology</c>, or
/// the stated node, changes nothing.
/// </summary>
public static class TechnologyScaling
{
    public const string TechnologyKey = "technology";
    public const string TableKey = "technology_scaling";

    private sealed record Node(double Area, double A, double B, double C, ImmutableArray<double> Delay)
    {
        public double Energy(double vdd) => (A * vdd * vdd) + (B * vdd) + C;

        /// <summary>The relative delay at <paramref name="vdd"/> (Horner), or null when the node has no delay fit.</summary>
        public double? DelayAt(double vdd) => Delay.IsDefaultOrEmpty ? null : Delay.Aggregate(0.0, (acc, c) => (acc * vdd) + c);
    }

    /// <summary>The architecture with its component figures scaled from the stated node to <c>technology</c>.</summary>
    public static ArchitectureSpec Apply(ArchitectureSpec spec, SpecMapping root, SpecErrorList errors, SpecErrorList warnings)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(warnings);
        if (root[TechnologyKey] is not { } technologyNode)
        {
            return spec;
        }

        if (technologyNode is not SpecScalar technology || Nanometres(technology.Value) is not { } target)
        {
            errors.Add(technologyNode, TechnologyKey, $"expected a technology node in nm (e.g. 32nm), found {technologyNode.KindName}");
            return spec;
        }

        if (root[TableKey] is not SpecMapping table)
        {
            errors.Add(technology, TechnologyKey, $"technology needs '{TableKey}': the node the figures are stated for and the scaling between nodes (arch/base/puma-tile.yaml has one)");
            return spec;
        }

        var before = errors.Count;
        var stated = table["stated_for"] is SpecScalar s ? Nanometres(s.Value) : null;
        var vdd = table["vdd"] is SpecScalar v && double.TryParse(v.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var volts) && volts > 0 ? volts : (double?)null;
        if (stated is null)
        {
            errors.Add(table["stated_for"] ?? table, $"{TableKey}.stated_for", "expected the node the component figures are stated for, in nm (e.g. 32nm)");
        }

        if (vdd is null)
        {
            errors.Add(table["vdd"] ?? table, $"{TableKey}.vdd", "expected the supply voltage in volts (a number above 0) at which the energy fits are compared");
        }

        if (table["source"] is not SpecScalar { IsNull: false })
        {
            errors.Add(table, $"{TableKey}.source", "missing required field 'source': say where the scaling between nodes comes from");
        }

        var nodes = ReadNodes(table, errors);
        if (errors.Count > before || stated == target)
        {
            return spec;
        }

        var from = Find(nodes, stated!.Value, table, "stated_for", errors);
        var to = Find(nodes, target, technology, TechnologyKey, errors);
        if (from is null || to is null)
        {
            return spec;
        }

        var energy = to.Energy(vdd!.Value) / from.Energy(vdd.Value);
        var area = to.Area / from.Area;
        var delay = to.DelayAt(vdd.Value) / from.DelayAt(vdd.Value);
        if (delay is { } ratio && !(ratio > 0 && double.IsFinite(ratio)))
        {
            // A fit evaluated outside its range can go negative: refuse rather than scale latencies by it.
            errors.Add(table, $"{TableKey}.nodes", string.Create(CultureInfo.InvariantCulture,
                $"the delay fits give {Format(stated.Value)} to {Format(target)} a delay ratio of {ratio:0.####} at {vdd}V; expected a ratio above 0 (check the delay coefficients)"));
            return spec;
        }

        var note = string.Create(CultureInfo.InvariantCulture, $"; scaled from {Format(stated.Value)} to {Format(target)} (energy and leakage x {energy:0.####}, area x {area:0.####}{(delay is { } d ? $", latency x {d:0.####}" : "")}, {TableKey})");
        var timed = new List<string>();
        ComponentSpec Scale(ComponentSpec c, string where)
        {
            if (c.LatencySeconds > 0 && delay is null)
            {
                timed.Add($"{where}.{c.Name}");
            }

            return c with
            {
                LatencySeconds = c.LatencySeconds * (delay ?? 1.0),
                EnergyJoules = c.EnergyJoules.ToImmutableSortedDictionary(kv => kv.Key, kv => kv.Value * energy, StringComparer.Ordinal),
                LeakageWatts = c.LeakageWatts * energy,
                AreaSquareMeters = c.AreaSquareMeters * area,
                Source = c.Source + note,
            };
        }

        ImmutableArray<ComponentSpec> All(ImmutableArray<ComponentSpec> list, string where) => [.. list.Select(c => Scale(c, where))];
        TileSpec? Tile(TileSpec? t, string where) => t is null ? null : t with
        {
            Components = All(t.Components, where),
            Core = t.Core with
            {
                Components = All(t.Core.Components, where + ".core"),
                Mvmu = t.Core.Mvmu switch
                {
                    AnalogMvmuSpec a => a with { Components = All(a.Components, where + ".core.mvmu") },
                    DigitalMvmuSpec d => d with { Components = All(d.Components, where + ".core.mvmu") },
                    var m => m,
                },
            },
        };

        var scaled = spec with
        {
            AnalogTile = Tile(spec.AnalogTile, "tiles.analog"),
            DigitalTile = Tile(spec.DigitalTile, "tiles.digital"),
            Noc = spec.Noc with { Components = All(spec.Noc.Components, "noc") },
            NodeComponents = All(spec.NodeComponents, "node"),
        };
        if (timed.Count > 0)
        {
            warnings.Add(technology.SetAt, TechnologyKey,
                $"the latency of {string.Join(", ", timed)} is stated for {Format(stated.Value)} ({TableKey}), but this architecture is {Format(target)}; {TableKey}.nodes has no delay fit for {(from.DelayAt(vdd.Value) is null ? Format(stated.Value) : Format(target))}, so the latency is used unchanged. Restate it for {Format(target)}, or add a delay fit to the table (docs/architecture-files.md, \"Your own architecture\")");
        }

        return scaled;
    }

    private static string Format(double nm) => nm.ToString("0.##", CultureInfo.InvariantCulture) + "nm";

    private static double? Nanometres(string text) =>
        text.EndsWith("nm", StringComparison.Ordinal)
        && double.TryParse(text[..^2].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var nm) && nm > 0 && nm <= 1000
            ? nm
            : null;

    private static Dictionary<double, Node> ReadNodes(SpecMapping table, SpecErrorList errors)
    {
        var nodes = new Dictionary<double, Node>();
        if (table["nodes"] is not SpecMapping m)
        {
            errors.Add(table["nodes"] ?? table, $"{TableKey}.nodes", "expected a mapping node: {area: relative area, energy: [a, b, c], delay: [coefficients]} (e.g. 32nm: {area: 0.46, energy: [0.9559, -0.7823, 0.471]})");
            return nodes;
        }

        foreach (var e in m.Entries)
        {
            var at = $"{TableKey}.nodes.{e.Name}";
            var coefficients = e.Value is SpecMapping n && n["energy"] is SpecSequence q && q.Items.Length == 3
                ? q.Items.Select(i => i is SpecScalar x && double.TryParse(x.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? c : double.NaN).ToArray()
                : null;
            var relative = e.Value is SpecMapping n2 && n2["area"] is SpecScalar a && double.TryParse(a.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0 ? r : double.NaN;
            // Optional: a delay fit of any order, highest power first (Stillmaker and Baas give cubics).
            var delayNode = e.Value is SpecMapping n3 && n3["delay"] is { } dn && dn is not SpecScalar { IsNull: true } ? dn : null;
            var delay = delayNode is SpecSequence dq && dq.Items.Length > 0
                ? dq.Items.Select(i => i is SpecScalar x && double.TryParse(x.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var c) && double.IsFinite(c) ? c : double.NaN).ToArray()
                : null;
            if (Nanometres(e.Name) is not { } nm || coefficients is null || coefficients.Any(double.IsNaN) || double.IsNaN(relative)
                || (delayNode is not null && (delay is null || delay.Any(double.IsNaN))))
            {
                errors.Add(e.Key, at, "expected NNnm: {area: relative area above 0, energy: [a, b, c], delay: [coefficients, highest power first] (optional)} (relative energy a·V² + b·V + c)");
                continue;
            }

            nodes[nm] = new Node(relative, coefficients[0], coefficients[1], coefficients[2], delay is null ? default : [.. delay]);
        }

        return nodes;
    }

    private static Node? Find(Dictionary<double, Node> nodes, double nm, SpecNode where, string path, SpecErrorList errors)
    {
        if (nodes.TryGetValue(nm, out var node))
        {
            return node;
        }

        errors.Add(where, path, $"{Format(nm)} is not in {TableKey}.nodes; expected one of: {string.Join(", ", nodes.Keys.Order().Select(Format))}");
        return null;
    }
}
