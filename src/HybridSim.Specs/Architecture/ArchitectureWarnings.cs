using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// <c>--strict</c> (any verb): the warnings an architecture loads with (a stale component figure, a narrow ADC) become
/// errors, exit 1 naming the file that set the value. Ambient for the current logical call, as
/// <see cref="Yaml.IncludeRoots"/>'s allowed folders are, so every load of a command sees it, a sweep's parallel
/// points included.
/// </summary>
public static class ArchitectureWarnings
{
    private static readonly AsyncLocal<bool> StrictValue = new();

    /// <summary>True inside a <see cref="Strict"/> scope that turned it on.</summary>
    public static bool AreErrors => StrictValue.Value;

    /// <summary>Sets strictness for the loads inside the returned scope.</summary>
    public static IDisposable Strict(bool on)
    {
        var previous = StrictValue.Value;
        StrictValue.Value = on;
        return new Scope(previous);
    }

    /// <summary>The warnings as errors, each saying why it stops the load.</summary>
    public static IEnumerable<SpecError> AsErrors(IEnumerable<SpecError> warnings) =>
        warnings.Select(w => w with { Message = w.Message + " (an error with --strict)" });

    private sealed class Scope(bool previous) : IDisposable
    {
        public void Dispose() => StrictValue.Value = previous;
    }
}
