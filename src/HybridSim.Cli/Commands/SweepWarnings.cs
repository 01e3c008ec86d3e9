using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Sweeps;

namespace HybridSim.Cli.Commands;

/// <summary>
/// The architecture warnings of a sweep's points (a stale component figure, a narrow ADC), each distinct one once,
/// before any point runs: a sweep shows what <c>validate</c> and <c>run</c> show. With <c>--strict</c> they are errors
/// and the sweep does not start.
/// </summary>
public static class SweepWarnings
{
    /// <summary>Most distinct warnings listed; the rest are counted in one line.</summary>
    public const int MaxListed = 20;

    public static IEnumerable<SpecError> Of(SweepPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var warnings = new List<SpecError>();
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        using (ArchitectureWarnings.Strict(false))
        {
            foreach (var point in plan.Points)
            {
                if (!loaded.Add(point.ArchitecturePath + "\n" + string.Join("\n", point.Overrides)))
                {
                    continue;
                }

                try
                {
                    warnings.AddRange(ArchitectureLoader.Load(point.ArchitecturePath, point.Overrides).Warnings);
                }
                catch (SpecException)
                {
                    // An invalid point fails when it runs, with its message in the sweep's failure list.
                }
            }
        }

        var distinct = warnings.Distinct().ToList();
        if (ArchitectureWarnings.AreErrors && distinct.Count > 0)
        {
            throw new SpecException(ArchitectureWarnings.AsErrors(distinct));
        }

        return distinct.Count <= MaxListed
            ? distinct
            : [.. distinct.Take(MaxListed), new SpecError("sweep", 0, 0, "warnings", $"{distinct.Count - MaxListed} more distinct warnings, not listed")];
    }
}
