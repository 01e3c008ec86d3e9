using HybridSim.Specs.Architecture.Schema;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// Writes <c>resolved-arch.yaml</c>: the architecture with defaults, variables, <c>extends</c>/includes and
/// <c>--set</c> applied, every field explicit, in the loader's own format, so it loads back to the same spec.
/// The keys and their order come from the schema (<see cref="TopFields"/> and the sections under it), the same
/// entries the loader reads through. Deterministic: schema order, components in spec order, invariant culture, no timestamps.
/// </summary>
public static class ResolvedArchitectureWriter
{
    public static string Write(ArchitectureSpec spec)
    {
        var yaml = new ResolvedYaml();
        yaml.Line(0, $"# Resolved architecture '{spec.Name}' from {spec.SourceFile}: defaults, variables, extends/includes and --set applied.");
        foreach (var field in TopFields.Section.Fields)
        {
            field.Write(yaml, 0, spec);
            if (ReferenceEquals(field, TopFields.Name))
            {
                WriteVariables(yaml, spec);
            }
        }

        return yaml.ToString();
    }

    /// <summary><c>variables:</c> is composition (SpecComposer), not schema: listed as resolved, after the name, for the reader.</summary>
    private static void WriteVariables(ResolvedYaml yaml, ArchitectureSpec spec)
    {
        if (spec.Variables.IsEmpty)
        {
            return;
        }

        yaml.Line(0, "variables:   # as resolved; already substituted below");
        foreach (var (k, v) in spec.Variables)
        {
            yaml.Line(1, $"{k}: {ResolvedYaml.Quote(v)}");
        }
    }
}
