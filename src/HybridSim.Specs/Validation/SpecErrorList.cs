using System.Collections.Immutable;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Validation;

/// <summary>
/// Collects problems while a file is read so that every problem is reported at once;
/// <see cref="ThrowIfAny"/> turns them into one <see cref="SpecException"/>.
/// </summary>
public sealed class SpecErrorList
{
    private readonly List<SpecError> _errors = [];

    public int Count => _errors.Count;

    public bool HasErrors => _errors.Count > 0;

    public ImmutableArray<SpecError> Errors => [.. _errors];

    public void Add(SpecError error) => _errors.Add(error);

    public void Add(string file, int line, int column, string path, string message) =>
        _errors.Add(new SpecError(file, line, column, path, message));

    /// <summary>An error located at <paramref name="node"/>.</summary>
    public void Add(SpecNode node, string path, string message) =>
        _errors.Add(new SpecError(node.File, node.Line, node.Column, path, message));

    public void AddRange(IEnumerable<SpecError> errors) => _errors.AddRange(errors);

    /// <summary>Throws the collected errors, ordered by file, line and column (stable for equal positions).</summary>
    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw new SpecException(Sorted());
        }
    }

    public IEnumerable<SpecError> Sorted() =>
        _errors
            .Select((e, i) => (e, i))
            .OrderBy(p => p.e.File, StringComparer.Ordinal)
            .ThenBy(p => p.e.Line)
            .ThenBy(p => p.e.Column)
            .ThenBy(p => p.i)
            .Select(p => p.e)
            .Distinct();
}
