using System.Collections.Immutable;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Yaml;

/// <summary>
/// Composes a specification file from its bases and the command line:
/// <list type="number">
/// <item><c>extends: base.yaml</c> (one file) and <c>include: [a.yaml, b.yaml]</c> (any number), paths relative to the
/// including file. The result is extends-base, then each include in order, then the file itself, each layer
/// deep-merged over the previous one (mappings merge key by key; anything else is replaced; <c>key: ~</c> in a later
/// layer removes an inherited key). Chains are followed; a cycle is an error naming the chain.</item>
/// <item><c>extends: DOTTED.PATH</c> inside a mapping: that sub-tree of the merged document with the mapping's own keys
/// merged over it; <c>templates:</c> holds sub-trees that exist only to be extended (this file).</item>
/// <item><c>--set KEY=VALUE</c>: KEY is a name from <c>variables:</c> or a dotted path (<c>tiles.analog.count=4</c>)
/// (<c>SpecComposer.Overrides.cs</c>).</item>
/// <item><c>${name}</c> anywhere inside a scalar is replaced by the variable's value (<c>rows: ${xbar}</c>,
/// <c>latency: ${t}ns</c>), and <c>${a / b}</c> computes (<see cref="VariableExpression"/>); variables may use other variables; <c>$${</c> writes a literal <c>${</c>. Expansion is
/// bounded (<see cref="YamlLimits.MaxVariableDepth"/>, <see cref="YamlLimits.MaxExpandedValueChars"/>,
/// <see cref="YamlLimits.MaxExpandedDocumentChars"/>), so a few chained variables cannot grow a small file into
/// gigabytes: going over a bound is an error naming the variable (<c>SpecComposer.Expansion.cs</c>).</item>
/// </list>
/// Errors keep the position of the file each value came from. Bases resolve only inside the folders of
/// <see cref="IncludeRoots"/> (the top file's folder tree, the shipped <c>arch/</c> and <c>workloads/</c>, and
/// <c>--allow-path</c> folders); a base outside them is an error before it is read.
/// </summary>
public static partial class SpecComposer
{
    public const string ExtendsKey = "extends";
    public const string IncludeKey = "include";
    public const string VariablesKey = "variables";
    public const string TemplatesKey = "templates";

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

        root = ResolveSubtreeExtends(root, errors);
        root = ApplyOverrides(root, variables, overrides, errors);

        var budget = new ExpansionBudget();
        var resolvedVariables = ResolveVariables(variables, budget, errors);
        var substituted = (SpecMapping)Substitute(root, "", resolvedVariables, variables, budget, errors);
        return new ComposedSpec(
            substituted,
            resolvedVariables.ToImmutableSortedDictionary(StringComparer.Ordinal),
            [.. files]);
    }

    /// <summary>
    /// Resolves <c>extends: DOTTED.PATH</c> inside mappings below the top level: the mapping is the sub-tree at that
    /// path of the merged document (itself resolved first) with the mapping's own keys deep-merged over it, by the
    /// rules of <see cref="Merge"/>. Then drops <c>templates:</c>, the top-level home of sub-trees that exist only to
    /// be extended. Runs after the layers merge and before <c>--set</c>, so a <c>--set</c> changes one place only.
    /// </summary>
    private static SpecMapping ResolveSubtreeExtends(SpecMapping root, SpecErrorList errors)
    {
        var done = new Dictionary<string, SpecMapping>(StringComparer.Ordinal);
        var visiting = new List<string>();

        SpecMapping Visit(SpecMapping mapping, string path)
        {
            if (done.TryGetValue(path, out var finished))
            {
                return finished;
            }

            visiting.Add(path);
            var own = mapping;
            if (path.Length > 0 && mapping[ExtendsKey] is { } reference)
            {
                own = mapping.Without(ExtendsKey);
                var where = $"{path}.{ExtendsKey}";
                if (reference is not SpecScalar { IsNull: false } target || target.Value.Trim().Length == 0)
                {
                    errors.Add(reference, where, $"expected the dotted path of a mapping to extend (such as {TemplatesKey}.tile), found {reference.KindName}");
                }
                else if (Find(root, target.Value.Trim(), out var missing) is not { } found)
                {
                    errors.Add(target, where, missing!);
                }
                else if (visiting.Contains(target.Value.Trim(), StringComparer.Ordinal))
                {
                    var chain = visiting.SkipWhile(v => v != target.Value.Trim()).Append(target.Value.Trim()).Select(v => v.Length == 0 ? "(top level)" : v);
                    errors.Add(target, where, $"circular extends: {string.Join(" -> ", chain)}");
                }
                else if (found is not SpecMapping baseMapping)
                {
                    errors.Add(target, where, $"'{target.Value.Trim()}' is {found.KindName}; expected a mapping to extend");
                }
                else
                {
                    own = Merge(Visit(baseMapping, target.Value.Trim()), own);
                }
            }

            var entries = own.Entries.Select(e => e.Value is SpecMapping child
                ? new SpecMappingEntry(e.Key, Visit(child, path.Length == 0 ? e.Name : $"{path}.{e.Name}"))
                : e);
            var result = new SpecMapping(own.File, own.Line, own.Column, [.. entries]);
            visiting.RemoveAt(visiting.Count - 1);
            done[path] = result;
            return result;
        }

        return Visit(root, "").Without(TemplatesKey);
    }

    /// <summary>The node at dotted <paramref name="path"/> of <paramref name="root"/>; null with <paramref name="problem"/> set when there is none.</summary>
    private static SpecNode? Find(SpecMapping root, string path, out string? problem)
    {
        SpecNode node = root;
        var walked = "";
        foreach (var segment in path.Split('.'))
        {
            if (node is not SpecMapping m)
            {
                problem = $"extends '{path}': '{walked}' is {node.KindName}, not a mapping, so it has no '{segment}'";
                return null;
            }

            if (m[segment] is not { } next)
            {
                problem = $"extends '{path}': {(walked.Length == 0 ? "the document" : $"'{walked}'")} has no '{segment}'{DidYouMean.Hint(segment, m.Keys)}; expected one of: {string.Join(", ", m.Keys)}";
                return null;
            }

            node = next;
            walked = walked.Length == 0 ? segment : $"{walked}.{segment}";
        }

        problem = null;
        return node;
    }

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
            if (reference.Value.Length == 0 || reference.Value.Any(c => c < ' '))
            {
                // Path.GetFullPath throws on NUL (the OS's one invalid path character); no control character names a file.
                errors.Add(reference, key, "expected a file name; this one is empty or contains a control character (such as NUL)");
                continue;
            }

            var target = Path.Combine(directory, reference.Value);
            if (!File.Exists(target) && !Directory.Exists(target) && ShippedArchitecture(reference.Value) is { } shipped)
            {
                // Like a workload's bare name: a copy of a shipped file extends the shipped base from any folder.
                target = shipped;
            }

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
                errors.Add(reference, key, $"{what} file '{reference.Value}' not found (looked for {target}{(IncludeRoots.ShippedArchitectures is { } arch ? $" and in the shipped {arch}" : "")}); expected a path relative to {(directory.Length == 0 ? "the current directory" : directory)} or a file of the shipped arch/");
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

    /// <summary>The shipped architecture file a relative <paramref name="reference"/> names (<c>hyperx-64-8b.yaml</c>,
    /// <c>base/puma-analog.yaml</c>), or null.</summary>
    private static string? ShippedArchitecture(string reference)
    {
        if (Path.IsPathRooted(reference) || IncludeRoots.ShippedArchitectures is not { } arch)
        {
            return null;
        }

        var candidate = Path.Combine(arch, reference);
        return File.Exists(candidate) && IncludeRoots.IsInside(candidate, [arch]) ? candidate : null;
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
