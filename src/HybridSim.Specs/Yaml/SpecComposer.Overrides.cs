using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Yaml;

/// <summary><c>--set KEY=VALUE</c>: a variable from <c>variables:</c> or a dotted path into the merged document.</summary>
public static partial class SpecComposer
{
    private static SpecMapping ApplyOverrides(SpecMapping root, SortedDictionary<string, SpecScalar> variables, IReadOnlyList<SpecOverride> overrides, SpecErrorList errors)
    {
        foreach (var o in overrides)
        {
            var value = ParseOverrideValue(o, errors);
            if (value is null)
            {
                continue;
            }

            if (!o.Key.Contains('.', StringComparison.Ordinal) && variables.ContainsKey(o.Key))
            {
                if (value is SpecScalar vs)
                {
                    variables[o.Key] = vs;
                }
                else
                {
                    errors.Add(value, o.Key, $"variable '{o.Key}' holds one value; expected a scalar, found {value.KindName}");
                }

                continue;
            }

            var segments = o.Key.Split('.');
            if (segments.Length == 1 && root[o.Key] is null)
            {
                var hint = DidYouMean.Suggest(o.Key, variables.Keys) is { } v ? $" (did you mean variable '{v}'?)"
                    : DidYouMean.Hint(o.Key, root.Keys);
                var known = variables.Count > 0 ? "variables: " + string.Join(", ", variables.Keys) + "; " : "";
                errors.Add(SpecOverride.FileName, o.Index, 1, o.Key,
                    $"unknown variable or key '{o.Key}'{hint}; expected {known}top-level keys: {string.Join(", ", root.Keys)}");
                continue;
            }

            root = SetPath(root, segments, 0, value, o, errors) ?? root;
        }

        return root;
    }

    private static SpecNode? ParseOverrideValue(SpecOverride o, SpecErrorList errors)
    {
        var text = o.Value.Trim();
        var column = o.Key.Length + 2;
        if (text.StartsWith('{') || text.StartsWith('['))
        {
            try
            {
                return YamlDocumentReader.Parse(text, SpecOverride.FileName);
            }
            catch (SpecException e)
            {
                errors.AddRange(e.Errors.Select(x => x with { Line = o.Index, Path = o.Key }));
                return null;
            }
        }

        return new SpecScalar(SpecOverride.FileName, o.Index, column, text, quoted: false);
    }

    private static SpecMapping? SetPath(SpecMapping mapping, string[] segments, int i, SpecNode value, SpecOverride o, SpecErrorList errors)
    {
        var key = segments[i];
        var path = string.Join('.', segments.Take(i + 1));
        var entry = mapping.Entry(key);
        if (i == segments.Length - 1)
        {
            var keyNode = entry?.Key ?? new SpecScalar(SpecOverride.FileName, o.Index, 1, key, quoted: false);
            return mapping.With(keyNode, value);
        }

        if (entry is null)
        {
            errors.Add(SpecOverride.FileName, o.Index, 1, o.Key,
                $"'{path}' does not exist{DidYouMean.Hint(key, mapping.Keys)}; expected one of: {string.Join(", ", mapping.Keys)}");
            return null;
        }

        if (entry.Value is not SpecMapping child)
        {
            errors.Add(SpecOverride.FileName, o.Index, 1, o.Key,
                $"'{path}' is {entry.Value.KindName}, not a mapping, so '{o.Key}' cannot be set");
            return null;
        }

        var updated = SetPath(child, segments, i + 1, value, o, errors);
        return updated is null ? null : mapping.With(entry.Key, updated);
    }
}
