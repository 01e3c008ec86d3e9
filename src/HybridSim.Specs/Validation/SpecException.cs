using System.Collections.Immutable;

namespace HybridSim.Specs.Validation;

/// <summary>Thrown when input is invalid; carries every problem found, never just the first.</summary>
public sealed class SpecException : Exception
{
    public SpecException(IEnumerable<SpecError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors.ToImmutableArray();
    }

    public SpecException(SpecError error)
        : this([error])
    {
    }

    public ImmutableArray<SpecError> Errors { get; }
}
