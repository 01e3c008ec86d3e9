using System.Globalization;
using System.Text;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Yaml;

/// <summary><c>${name}</c> and <c>${expression}</c> expansion of variables, bounded by <see cref="YamlLimits"/>.</summary>
public static partial class SpecComposer
{
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

                    // A value that comes from a --set variable is blamed on the --set, not on the file that uses it; one
                    // that comes from a variable another file set is blamed on that file's line (a user's `xbar: 256`
                    // rather than the base file's `rows: ${xbar}`), and warnings about the value blame it there too.
                    var definedBy = DefinitionOf(s.Value, raw, 0);
                    return (OverrideOrigin(s.Value, raw, [], 0) ?? DefinitionOrigin(s.Value, s.File, raw)) is { } origin
                        ? new SpecScalar(origin.File, origin.Line, origin.Column, value, s.Quoted) { DefinedBy = origin }
                        : new SpecScalar(s.File, s.Line, s.Column, value, s.Quoted) { DefinedBy = definedBy };
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

    /// <summary>
    /// The definition of a variable <paramref name="text"/> uses, when that definition is a plain value (no <c>${}</c>
    /// of its own) in another file than <paramref name="userFile"/>; null otherwise (then the use itself is blamed).
    /// </summary>
    private static SpecScalar? DefinitionOrigin(string text, string userFile, SortedDictionary<string, SpecScalar> raw)
    {
        foreach (var (inside, _) in References(text))
        {
            if (raw.TryGetValue(inside, out var variable) && variable.File != userFile && !variable.Value.Contains("${", StringComparison.Ordinal))
            {
                return variable;
            }
        }

        return null;
    }

    /// <summary>The <c>--set</c> value of a variable <paramref name="text"/> uses, directly or through other variables; null when none.</summary>
    /// <param name="memo">Each variable's origin once found (null: none), so a chain of variables each used several times is walked once.</param>
    private static SpecScalar? OverrideOrigin(string text, SortedDictionary<string, SpecScalar> raw, Dictionary<string, SpecScalar?> memo, int depth)
    {
        if (depth > YamlLimits.MaxVariableDepth)
        {
            return null;
        }

        foreach (var (inside, expression) in References(text))
        {
            foreach (var name in raw.ContainsKey(inside) ? [inside] : expression)
            {
                if (!raw.TryGetValue(name, out var variable))
                {
                    continue;
                }

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

    /// <summary>The definition of the first variable <paramref name="text"/> uses, followed through variables that are
    /// themselves other variables to the one that states the value; null when it uses none.</summary>
    private static SpecScalar? DefinitionOf(string text, SortedDictionary<string, SpecScalar> raw, int depth)
    {
        if (depth > YamlLimits.MaxVariableDepth)
        {
            return null;
        }

        foreach (var (inside, expression) in References(text))
        {
            foreach (var name in raw.ContainsKey(inside) ? [inside] : expression)
            {
                if (raw.TryGetValue(name, out var variable))
                {
                    return DefinitionOf(variable.Value, raw, depth + 1) ?? variable;
                }
            }
        }

        return null;
    }

    /// <summary>The <c>${...}</c> references of <paramref name="text"/> in order, up to the first unterminated one (an
    /// escaped <c>$${</c> is not one): the text inside, and the variable names an expression there reads.</summary>
    private static IEnumerable<(string Inside, IEnumerable<string> ExpressionNames)> References(string text)
    {
        for (var i = text.IndexOf("${", StringComparison.Ordinal); i >= 0; i = text.IndexOf("${", i + 2, StringComparison.Ordinal))
        {
            var end = text.IndexOf('}', i + 2);
            if (end < 0)
            {
                yield break;
            }

            if (i > 0 && text[i - 1] == '$')
            {
                continue;
            }

            var inside = text[(i + 2)..end].Trim();
            yield return (inside, VariableExpression.Names(inside));
        }
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
                if (value is null && VariableExpression.IsExpression(name))
                {
                    value = VariableExpression.Evaluate(name, lookup, names, out var problem);
                    if (value is null)
                    {
                        errors.Add(scalar, path, $"bad expression '${{{name}}}': {problem}");
                        return text;
                    }
                }

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
}
