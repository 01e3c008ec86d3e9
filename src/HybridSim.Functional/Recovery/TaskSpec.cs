using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Functional.Data;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Recovery;

/// <summary>
/// One task of a multi-task study (LoBranch 4.2): a data set, or the classes of one (<c>fashion-mnist@0-4</c>,
/// <c>digits@0,2,4,6,8</c>). Labels keep their values; the network's outputs are shared by every task.
/// </summary>
/// <param name="Classes">The classes kept; empty for all.</param>
public sealed record TaskSpec(string Text, string Data, ImmutableSortedSet<int> Classes)
{
    /// <summary>Parses <c>DATA</c> or <c>DATA@CLASSES</c>, classes as comma-separated numbers and ranges (<c>0-4</c>, <c>1,3,5-7</c>).</summary>
    public static TaskSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var at = text.LastIndexOf('@');
        if (at < 0)
        {
            return new TaskSpec(text, text, []);
        }

        if (at == 0 || at == text.Length - 1)
        {
            throw new SpecException(new SpecError("--task", 0, 0, text, "expected DATA or DATA@CLASSES, e.g. fashion-mnist@0-4"));
        }

        var classes = ImmutableSortedSet.CreateBuilder<int>();
        foreach (var part in text[(at + 1)..].Split(','))
        {
            var range = part.Split('-');
            if (range.Length is < 1 or > 2 || !range.All(r => int.TryParse(r, NumberStyles.None, CultureInfo.InvariantCulture, out _)))
            {
                throw new SpecException(new SpecError("--task", 0, 0, text, $"'{part}' is not a class or a range; expected e.g. fashion-mnist@0-4 or digits@0,2,4"));
            }

            var low = int.Parse(range[0], CultureInfo.InvariantCulture);
            var high = int.Parse(range[^1], CultureInfo.InvariantCulture);
            for (var c = low; c <= high; c++)
            {
                classes.Add(c);
            }
        }

        if (classes.Count == 0)
        {
            throw new SpecException(new SpecError("--task", 0, 0, text, "expected DATA or DATA@CLASSES, e.g. fashion-mnist@0-4"));
        }

        return new TaskSpec(text, text[..at], classes.ToImmutable());
    }

    /// <summary>The task's part of a loaded data set (train and test alike).</summary>
    public DataSplit Select(DataSplit data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (Classes.IsEmpty)
        {
            return data;
        }

        var missing = Classes.Where(c => c >= data.Test.Classes).ToList();
        if (missing.Count > 0)
        {
            throw new SpecException(new SpecError("--task", 0, 0, Text, $"class {missing[0]} does not exist: '{Data}' has classes 0 to {data.Test.Classes - 1}"));
        }

        return new DataSplit(data.Train?.WithClasses(Classes, data.Train.Name + "@" + Suffix), data.Test.WithClasses(Classes, data.Test.Name + "@" + Suffix));
    }

    private string Suffix => Text[(Text.LastIndexOf('@') + 1)..];
}
