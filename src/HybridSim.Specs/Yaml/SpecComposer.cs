using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Yaml;

/// <summary>
/// Composes a specification file from its bases and the command line:
/// <list type="number">
/// <item><c>extends: base.yaml</c> (one file) and <c>include: [a.yaml, b.yaml]</c> (any number), paths relative to the
/// including file. The result is extends-base, then each include in order, then the file itself, each layer
/// deep-merged over the previous one (mappings merge key by key; anything else is replaced; <c>key: ~</c> in a later
/// layer removes an inherited key). Chains are followed; a cycle is an error naming the chain.</item>
/// <item><c>--set KEY=VALUE</c>: KEY is a name from <c>variables:</c> or a dotted path (<c>tiles.analog.count=4</c>).</item>
/// <item><c>${name}</c> anywhere inside a scalar is replaced by the variable's value (<c>rows: ${xbar}</c>,
/// <c>latency: ${t}ns</c>); variables may use other variables; <c>$${</c> writes a literal <c>${</c>. Expansion is
/// bounded (<see cref="YamlLimits.MaxVariableDepth"/>, <see cref="YamlLimits.MaxExpandedValueChars"/>,
/// <see cref="YamlLimits.MaxExpandedDocumentChars"/>), so a few chained variables cannot grow a small file into
/// gigabytes: going over a bound is an error naming the variable.</item>
/// </list>
/// Errors keep the position of the file each value came from. Bases resolve only inside the folders of
/// <see cref="IncludeRoots"/> (the top file's folder tree, the shipped <c>arch/</c> and <c>workloads/</c>, and
/// <c>--allow-path</c> folders); a base outside them is an error before it is read.
/// </summary>
public static class SpecComposer
{
    public const string ExtendsKey = "extends";
    public const string IncludeKey = "include";
    public const string VariablesKey = "variables";

    /// <summary>Most files one chain of <c>extends</c>/<c>include</c> may pull in.</summary>
    public const int MaxFiles = 32;

    /// <summary>Reads and composes <paramref name="path"/>; throws <see cref="SpecException"/> with every problem found.</summary>
    public static ComposedSpec Compose(string path, IEnumerable<string> overrides)
    {
        var errors = new SpecErrorList();
        var parsed = SpecOverride.ParseAll(overrides, errors);
        var files = new List<string>();
        var merged = LoadLayers(path, [], files, errors, IncludeRoots.For(path));
        errors.ThrowIfAny();
        var result = Resolve(merged!, parsed, files, errors);
        errors.ThrowIfAny();
        return result;
    }

    /// <summary>Composes an already-read mapping (no bases), for tests and in-memory specs.</summary>
    public static ComposedSpec Compose(SpecMapping root, IEnumerable<string> overrides)
    {
        var errors = new SpecErrorList();
        var parsed = SpecOverride.ParseAll(overrides, errors);
        var result = Resolve(root, parsed, [root.File], errors);
        errors.ThrowIfAny();
        return result;
    }

    private static ComposedSpec Resolve(SpecMapping merged, IReadOnlyList<SpecOverride> overrides, List<string> files, SpecErrorList errors)
    {
        var variablesNode = merged[VariablesKey];
        var root = merged.Without(VariablesKey);
        var variables = new SortedDictionary<string, SpecScalar>(StringComparer.Ordinal);
        switch (variablesNode)
        {
            case null:
                break;
            case SpecMapping vm:
                foreach (var e in vm.Entries)
                {
                    if (e.Value is SpecScalar s)
                    {
                        variables[e.Name] = s;
                    }
                    else
                    {
                        errors.Add(e.Value, $"{VariablesKey}.{e.Name}", $"a variable holds one value; expected a scalar, found {e.Value.KindName}");
                    }
                }

                break;
            default:
                errors.Add(variablesNode, VariablesKey, $"expected a mapping of name: value, found {variablesNode.KindName}");
                break;
        }

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

        var budget = new ExpansionBudget();
        var resolvedVariables = ResolveVariables(variables, budget, errors);
        var substituted = (SpecMapping)Substitute(root, "", resolvedVariables, variables, budget, errors);
        return new ComposedSpec(
            substituted,
            resolvedVariables.ToImmutableSortedDictionary(StringComparer.Ordinal),
            [.. files]);
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

    private static SortedDictionary<string, string> ResolveVariables(SortedDictionary<string, SpecScalar> raw, ExpansionBudget budget, SpecErrorList errors)
    {
        var resolved = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var visiting = new List<string>();
        var tooDeep = false;

        string Resolve(string name)
        {
            if (resolved.TryGetValue(name, out var done))
            {
                return done;
            }

            var scalar = raw[name];
            if (visiting.Contains(name))
            {
                errors.Add(scalar, $"{VariablesKey}.{name}", $"variable refers to itself: {string.Join(" -> ", visiting.Append(name))}");
                return scalar.Value;
            }

            if (visiting.Count >= YamlLimits.MaxVariableDepth)
            {
                // Reported once: the rest of a long chain would give one more error every 16 variables.
                if (!tooDeep)
                {
                    tooDeep = true;
                    var chain = visiting.Take(2).Append("...").Concat(visiting.TakeLast(2)).Append(name);
                    errors.Add(scalar, $"{VariablesKey}.{name}", string.Create(CultureInfo.InvariantCulture,
                        $"variable '{name}' is reached through more than {YamlLimits.MaxVariableDepth} variables using variables ({string.Join(" -> ", chain)}); expected chains of at most {YamlLimits.MaxVariableDepth}"));
                }

                resolved[name] = "";
                return "";
            }

            visiting.Add(name);
            var before = errors.Count;
            var value = Expand(scalar, $"{VariablesKey}.{name}", n => raw.ContainsKey(n) ? Resolve(n) : null, raw.Keys, budget, errors);
            visiting.RemoveAt(visiting.Count - 1);

            // A variable that failed expands to nothing, so its users report no second error for the same cause
            // (and, above a bound, do not grow further); the composition fails with the first error anyway.
            resolved[name] = errors.Count > before ? "" : value;
            return resolved[name];
        }

        foreach (var name in raw.Keys)
        {
            Resolve(name);
        }

        return resolved;
    }

    private static SpecNode Substitute(SpecNode node, string path, SortedDictionary<string, string> variables, SortedDictionary<string, SpecScalar> raw, ExpansionBudget budget, SpecErrorList errors)
    {
        switch (node)
        {
            case SpecScalar s when s.Value.Contains('$', StringComparison.Ordinal):
                {
                    var value = Expand(s, path, n => variables.GetValueOrDefault(n), variables.Keys, budget, errors);

                    // A value that comes from a --set variable is blamed on the --set, not on the file that uses it.
                    return OverrideOrigin(s.Value, raw, [], 0) is { } origin
                        ? new SpecScalar(origin.File, origin.Line, origin.Column, value, s.Quoted)
                        : s.WithValue(value);
                }
            case SpecMapping m:
                {
                    var entries = m.Entries.Select(e =>
                        new SpecMappingEntry(e.Key, Substitute(e.Value, path.Length == 0 ? e.Name : $"{path}.{e.Name}", variables, raw, budget, errors)));
                    return new SpecMapping(m.File, m.Line, m.Column, [.. entries]);
                }

            case SpecSequence q:
                return new SpecSequence(q.File, q.Line, q.Column,
                    [.. q.Items.Select((item, i) => Substitute(item, $"{path}[{i}]", variables, raw, budget, errors))]);
            default:
                return node;
        }
    }

    /// <summary>The <c>--set</c> value of a variable <paramref name="text"/> uses, directly or through other variables; null when none.</summary>
    /// <param name="memo">Each variable's origin once found (null: none), so a chain of variables each used several times is walked once.</param>
    private static SpecScalar? OverrideOrigin(string text, SortedDictionary<string, SpecScalar> raw, Dictionary<string, SpecScalar?> memo, int depth)
    {
        for (var i = text.IndexOf("${", StringComparison.Ordinal); i >= 0 && depth <= YamlLimits.MaxVariableDepth; i = text.IndexOf("${", i + 2, StringComparison.Ordinal))
        {
            var end = text.IndexOf('}', i + 2);
            if (end < 0)
            {
                return null;
            }

            if (i > 0 && text[i - 1] == '$')
            {
                continue;
            }

            var name = text[(i + 2)..end].Trim();
            if (raw.TryGetValue(name, out var variable))
            {
                if (!memo.TryGetValue(name, out var origin))
                {
                    memo[name] = null;
                    origin = variable.File == SpecOverride.FileName ? variable : OverrideOrigin(variable.Value, raw, memo, depth + 1);
                    memo[name] = origin;
                }

                if (origin is not null)
                {
                    return origin;
                }
            }
        }

        return null;
    }

    private static string Expand(SpecScalar scalar, string path, Func<string, string?> lookup, IEnumerable<string> names, ExpansionBudget budget, SpecErrorList errors)
    {
        var text = scalar.Value;
        var sb = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '$' && i + 2 < text.Length && text[i + 1] == '$' && text[i + 2] == '{')
            {
                sb.Append("${");
                i += 3;
                continue;
            }

            if (text[i] == '$' && i + 1 < text.Length && text[i + 1] == '{')
            {
                var end = text.IndexOf('}', i + 2);
                if (end < 0)
                {
                    errors.Add(scalar, path, $"unterminated '${{' in '{Excerpt.Of(text)}'; expected ${{name}}");
                    return text;
                }

                var name = text[(i + 2)..end].Trim();
                var value = lookup(name);
                if (value is null)
                {
                    var list = string.Join(", ", names);
                    errors.Add(scalar, path, $"unknown variable '{name}'{DidYouMean.Hint(name, names)}; expected one of the variables: {(list.Length == 0 ? "(none defined)" : list)}");
                    return text;
                }

                if (sb.Length + (long)value.Length + (text.Length - end - 1) > YamlLimits.MaxExpandedValueChars)
                {
                    errors.Add(scalar, path, string.Create(CultureInfo.InvariantCulture,
                        $"expanding variable '{name}' here gives a value of more than {YamlLimits.MaxExpandedValueChars} characters; expected a value of at most {YamlLimits.MaxExpandedValueChars} characters once variables are expanded"));
                    return text;
                }

                budget.Used += value.Length;
                if (budget.Used > YamlLimits.MaxExpandedDocumentChars)
                {
                    if (!budget.Reported)
                    {
                        budget.Reported = true;
                        errors.Add(scalar, path, string.Create(CultureInfo.InvariantCulture,
                            $"expanding variable '{name}' here takes the document's variables past {YamlLimits.MaxExpandedDocumentChars} characters in all (every use counted); refusing to expand it"));
                    }

                    return text;
                }

                sb.Append(value);
                i = end + 1;
                continue;
            }

            sb.Append(text[i]);
            i++;
        }

        return sb.ToString();
    }

    /// <summary>Characters produced by expanding variables so far in one composition, against <see cref="YamlLimits.MaxExpandedDocumentChars"/>.</summary>
    private sealed class ExpansionBudget
    {
        public long Used { get; set; }

        public bool Reported { get; set; }
    }

    /// <summary>Characters no file name of a base may hold: the OS's invalid path characters and every control character.</summary>
    private static readonly char[] InvalidPathChars = [.. Path.GetInvalidPathChars().Concat(Enumerable.Range(0, 32).Select(c => (char)c)).Distinct()];

    /// <summary>Reads <paramref name="path"/> and its bases, merged; null after reporting errors.</summary>
    /// <param name="roots">Folders (resolved) that bases may come from: see <see cref="IncludeRoots"/>.</param>
    private static SpecMapping? LoadLayers(string path, List<string> chain, List<string> files, SpecErrorList errors, ImmutableArray<string> roots)
    {
        SpecMapping self;
        try
        {
            self = YamlDocumentReader.ReadMapping(path);
        }
        catch (SpecException e)
        {
            errors.AddRange(e.Errors);
            return null;
        }

        files.Add(path);
        var full = Path.GetFullPath(path);
        chain.Add(full);
        var directory = Path.GetDirectoryName(path) ?? "";
        SpecMapping? result = null;

        var bases = new List<(SpecScalar Ref, string Key)>();
        var extends = self[ExtendsKey];
        switch (extends)
        {
            case null:
                break;
            case SpecScalar { IsNull: false } s:
                bases.Add((s, ExtendsKey));
                break;
            default:
                errors.Add(extends, ExtendsKey, $"expected one file name (a path relative to this file), found {extends.KindName}");
                break;
        }

        var include = self[IncludeKey];
        switch (include)
        {
            case null:
                break;
            case SpecScalar { IsNull: false } s:
                bases.Add((s, IncludeKey));
                break;
            case SpecSequence seq:
                foreach (var (item, i) in seq.Items.Select((x, i) => (x, i)))
                {
                    if (item is SpecScalar { IsNull: false } s)
                    {
                        bases.Add((s, $"{IncludeKey}[{i}]"));
                    }
                    else
                    {
                        errors.Add(item, $"{IncludeKey}[{i}]", $"expected a file name, found {item.KindName}");
                    }
                }

                break;
            default:
                errors.Add(include, IncludeKey, $"expected a file name or a list of file names, found {include.KindName}");
                break;
        }

        foreach (var (reference, key) in bases)
        {
            if (reference.Value.Length == 0 || reference.Value.IndexOfAny(InvalidPathChars) >= 0)
            {
                // Path.GetFullPath throws on these; the user gets the field instead.
                errors.Add(reference, key, "expected a file name; this one is empty or contains a control character (such as NUL)");
                continue;
            }

            var target = Path.Combine(directory, reference.Value);
            var targetFull = Path.GetFullPath(target);
            if (chain.Contains(targetFull, StringComparer.Ordinal))
            {
                var names = chain.SkipWhile(c => c != targetFull).Append(targetFull).Select(Path.GetFileName);
                errors.Add(reference, key, $"circular {(key == ExtendsKey ? "extends" : "include")}: {string.Join(" -> ", names)}");
                continue;
            }

            if (files.Count >= MaxFiles)
            {
                errors.Add(reference, key, $"more than {MaxFiles} files in the extends/include chain");
                continue;
            }

            var what = key == ExtendsKey ? "extended" : "included";
            if (!IncludeRoots.IsInside(target, roots))
            {
                // Checked before the file is opened, so nothing of it is read or quoted.
                errors.Add(reference, key, $"{what} file '{reference.Value}' ({IncludeRoots.RealPath(target)}) is outside the folders a specification may read from ({string.Join(", ", roots)}); move it under {roots[0]}, or allow its folder with --allow-path DIR");
                continue;
            }

            if (Directory.Exists(target))
            {
                errors.Add(reference, key, $"{what} file '{reference.Value}' is a folder ({target}); expected a YAML file");
                continue;
            }

            if (!File.Exists(target))
            {
                errors.Add(reference, key, $"{what} file '{reference.Value}' not found (looked for {target}); expected a path relative to {(directory.Length == 0 ? "the current directory" : directory)}");
                continue;
            }

            var layer = LoadLayers(target, chain, files, errors, roots);
            if (layer is not null)
            {
                result = result is null ? layer : Merge(result, layer);
            }
        }

        chain.RemoveAt(chain.Count - 1);
        var own = self.Without(ExtendsKey).Without(IncludeKey);
        return result is null ? own : Merge(result, own);
    }

    /// <summary>Deep merge: <paramref name="over"/> wins; mappings merge key by key; a null value removes the key.</summary>
    public static SpecMapping Merge(SpecMapping under, SpecMapping over)
    {
        var entries = new List<SpecMappingEntry>(under.Entries);
        foreach (var e in over.Entries)
        {
            var index = entries.FindIndex(x => x.Name == e.Name);
            if (index < 0)
            {
                if (e.Value is not SpecScalar { IsNull: true })
                {
                    entries.Add(e);
                }

                continue;
            }

            if (e.Value is SpecScalar { IsNull: true })
            {
                entries.RemoveAt(index);
            }
            else if (entries[index].Value is SpecMapping a && e.Value is SpecMapping b)
            {
                entries[index] = new SpecMappingEntry(e.Key, Merge(a, b));
            }
            else
            {
                entries[index] = e;
            }
        }

        return new SpecMapping(over.File, over.Line, over.Column, [.. entries]);
    }
}
