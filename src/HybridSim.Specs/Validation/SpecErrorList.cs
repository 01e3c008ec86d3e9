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

    /// <summary>Most errors with one message from one file that are listed; the rest are counted in one line.</summary>
    public const int MaxRepeats = 5;

    /// <summary>
    /// The errors ordered by file, line and column, each distinct one once; past <see cref="MaxRepeats"/> errors with
    /// the same message in the same file, one line says how many more there are (5,000 includes over the file limit
    /// give six lines, not 5,000).
    /// </summary>
    public IEnumerable<SpecError> Sorted()
    {
        var ordered = _errors
            .Select((e, i) => (e, i))
            .OrderBy(p => p.e.File, StringComparer.Ordinal)
            .ThenBy(p => p.e.Line)
            .ThenBy(p => p.e.Column)
            .ThenBy(p => p.i)
            .Select(p => p.e)
            .Distinct()
            .ToList();
        var seen = new Dictionary<(string File, string Message), int>();
        var result = new List<SpecError>(ordered.Count);
        var lastOf = new Dictionary<(string File, string Message), SpecError>();
        foreach (var e in ordered)
        {
            var key = (e.File, e.Message);
            var n = seen[key] = seen.GetValueOrDefault(key) + 1;
            if (n <= MaxRepeats)
            {
                result.Add(e);
            }

            lastOf[key] = e;
        }

        foreach (var (key, n) in seen.Where(kv => kv.Value > MaxRepeats))
        {
            var last = lastOf[key];
            var index = result.FindLastIndex(e => e.File == key.File && e.Message == key.Message);
            result.Insert(index + 1, last with
            {
                Message = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n - MaxRepeats} more errors like the one above (the last here), not listed"),
            });
        }

        return result;
    }
}
