using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HybridSim.Specs.Input;
using HybridSim.Specs.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HybridSim.Specs.Yaml;

/// <summary>
/// Reads one YAML file into <see cref="SpecNode"/> trees with positions, using YamlDotNet's event parser so that
/// duplicate keys, tabs, nesting depth and alias expansion are all checked here (bounded, never a hang or a crash).
/// Every problem becomes a <see cref="SpecError"/>; callers receive a <see cref="SpecException"/> listing them all.
/// </summary>
public static class YamlDocumentReader
{
    /// <summary>
    /// Reads <paramref name="path"/> through the bounded <see cref="InputFile"/> reader (at most
    /// <see cref="YamlLimits.MaxFileBytes"/>, regular files only); the file is named in errors exactly as given.
    /// </summary>
    public static SpecNode Read(string path)
    {
        var bytes = InputFile.ReadAllBytes(path, YamlLimits.MaxFileBytes, "", "a YAML file");
        return Parse(Decode(bytes, path), path);
    }

    /// <summary>Reads <paramref name="path"/> and requires a mapping at the top.</summary>
    public static SpecMapping ReadMapping(string path) => RequireMapping(Read(path), path);

    /// <summary>Parses YAML text; <paramref name="file"/> names it in errors.</summary>
    public static SpecNode Parse(string text, string file)
    {
        var errors = new SpecErrorList();
        CheckTabs(text, file, errors);
        if (errors.HasErrors)
        {
            // The parser's own message for a tab is confusing; report ours only.
            errors.ThrowIfAny();
        }

        var builder = new Builder(file, errors);
        SpecNode? root = null;
        try
        {
            root = builder.ParseStream(text);
        }
        catch (YamlException e)
        {
            errors.Add(file, (int)e.Start.Line, (int)e.Start.Column, "", "YAML syntax error: " + CleanMessage(e.Message));
        }
        catch (AbortException)
        {
            // The error that stopped reading is already in the list.
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's parser ran out of events mid-node: the text ended inside an open construct.
            errors.Add(file, builder.LastLine, builder.LastColumn, "",
                "YAML syntax error: the file ends inside an unfinished value (an unclosed bracket, brace or quote?)");
        }

        errors.ThrowIfAny();
        if (root is null || root is SpecScalar { IsNull: true })
        {
            throw new SpecException(new SpecError(file, 1, 1, "", "file is empty; expected a YAML mapping"));
        }

        return root;
    }

    /// <summary>Parses YAML text and requires a mapping at the top.</summary>
    public static SpecMapping ParseMapping(string text, string file) => RequireMapping(Parse(text, file), file);

    private static SpecMapping RequireMapping(SpecNode node, string file) =>
        node as SpecMapping ?? throw new SpecException(new SpecError(file, node.Line, node.Column, "",
            $"expected a YAML mapping (key: value lines) at the top of the file, found {(node is SpecScalar { IsNull: false } text ? $"plain text ({text.Value.Length} characters, not quoted here)" : node.KindName)}"));

    private static string Decode(byte[] bytes, string file)
    {
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            var (line, column) = Position(bytes, nul);
            throw new SpecException(new SpecError(file, line, column, "",
                "binary file (contains a NUL byte); expected a UTF-8 YAML text file"));
        }

        try
        {
            var text = new UTF8Encoding(false, true).GetString(bytes);
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException e)
        {
            var (line, column) = Position(bytes, Math.Max(0, e.Index));
            throw new SpecException(new SpecError(file, line, column, "",
                "binary file (not valid UTF-8); expected a UTF-8 YAML text file"));
        }
    }

    private static (int Line, int Column) Position(byte[] bytes, int index)
    {
        int line = 1, column = 1;
        for (var i = 0; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                column = 1;
            }
            else
            {
                column++;
            }
        }

        return (line, column);
    }

    private static void CheckTabs(string text, string file, SpecErrorList errors)
    {
        var line = 1;
        var atLineStart = true;
        var column = 1;
        foreach (var c in text)
        {
            if (c == '\n')
            {
                line++;
                column = 1;
                atLineStart = true;
                continue;
            }

            if (atLineStart && c == '\t')
            {
                if (errors.Count < YamlLimits.MaxErrorsPerFile)
                {
                    errors.Add(file, line, column, "", "tab character in indentation; YAML indents with spaces only");
                }

                atLineStart = false;
            }
            else if (c != ' ')
            {
                atLineStart = false;
            }

            column++;
        }
    }

    private static string CleanMessage(string message)
    {
        // YamlDotNet prefixes messages with "(Line: l, Col: c, Idx: i) - (Line: ...): "; the position is reported separately.
        var index = message.LastIndexOf("): ", StringComparison.Ordinal);
        return index >= 0 && message.StartsWith("(Line", StringComparison.Ordinal) ? message[(index + 3)..] : message;
    }

    private sealed class AbortException : Exception
    {
    }

    private sealed class Builder(string file, SpecErrorList errors)
    {
        private readonly Dictionary<string, SpecNode> _anchors = new(StringComparer.Ordinal);
        private long _nodes;

        public int LastLine { get; private set; } = 1;

        public int LastColumn { get; private set; } = 1;

        public SpecNode? ParseStream(string text)
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ParseNode(parser, 1, "");
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second))
            {
                Fail(second.Start, "", "a second YAML document ('---') in one file; expected a single document");
            }

            return root;
        }

        private SpecNode ParseNode(IParser parser, int depth, string path)
        {
            if (parser.Current is { } now)
            {
                LastLine = Line(now.Start);
                LastColumn = Col(now.Start);
            }

            if (parser.TryConsume<AnchorAlias>(out var alias))
            {
                if (!_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    Fail(alias.Start, path, $"alias '*{alias.Value.Value}' refers to no anchor defined before it");
                }

                Count(target!.ExpandedSize, alias.Start, path);
                return target;
            }

            if (parser.TryConsume<Scalar>(out var scalar))
            {
                Count(1, scalar.Start, path);
                var node = new SpecScalar(file, Line(scalar.Start), Col(scalar.Start), scalar.Value,
                    scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any));
                Anchor(scalar, node);
                return node;
            }

            if (parser.TryConsume<SequenceStart>(out var seqStart))
            {
                CheckDepth(depth, seqStart.Start, path);
                Count(1, seqStart.Start, path);
                var items = ImmutableArray.CreateBuilder<SpecNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ParseNode(parser, depth + 1, $"{path}[{items.Count}]"));
                }

                var node = new SpecSequence(file, Line(seqStart.Start), Col(seqStart.Start), items.ToImmutable());
                Anchor(seqStart, node);
                return node;
            }

            if (parser.TryConsume<MappingStart>(out var mapStart))
            {
                CheckDepth(depth, mapStart.Start, path);
                Count(1, mapStart.Start, path);
                var entries = ImmutableArray.CreateBuilder<SpecMappingEntry>();
                var seen = new Dictionary<string, SpecScalar>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyStart = parser.Current!.Start;
                    var key = ParseNode(parser, depth + 1, path);
                    if (key is not SpecScalar keyScalar)
                    {
                        Fail(keyStart, path, $"a mapping key must be a plain name, found {key.KindName}");
                        return null!;
                    }

                    var childPath = path.Length == 0 ? keyScalar.Value : $"{path}.{keyScalar.Value}";
                    var value = ParseNode(parser, depth + 1, childPath);
                    if (seen.TryGetValue(keyScalar.Value, out var first))
                    {
                        errors.Add(keyScalar, childPath,
                            $"duplicate key '{keyScalar.Value}' (first defined at line {first.Line}); each key may appear once");
                        continue;
                    }

                    seen.Add(keyScalar.Value, keyScalar);
                    entries.Add(new SpecMappingEntry(keyScalar, value));
                }

                var node = new SpecMapping(file, Line(mapStart.Start), Col(mapStart.Start), entries.ToImmutable());
                Anchor(mapStart, node);
                return node;
            }

            var current = parser.Current;
            Fail(current?.Start ?? Mark.Empty, path, $"unexpected YAML event {current?.GetType().Name}");
            return null!;
        }

        private void Anchor(NodeEvent e, SpecNode node)
        {
            if (!e.Anchor.IsEmpty)
            {
                _anchors[e.Anchor.Value] = node;
            }
        }

        private void CheckDepth(int depth, Mark mark, string path)
        {
            if (depth > YamlLimits.MaxDepth)
            {
                Fail(mark, path, $"nesting deeper than {YamlLimits.MaxDepth} levels; a specification file nests a few levels");
            }
        }

        private void Count(long nodes, Mark mark, string path)
        {
            _nodes = SpecMapping.SaturatingAdd(_nodes, nodes);
            if (_nodes > YamlLimits.MaxExpandedNodes)
            {
                Fail(mark, path, string.Create(CultureInfo.InvariantCulture,
                    $"document expands to more than {YamlLimits.MaxExpandedNodes} nodes (aliases counted at each use; a workload layer takes 7 to 15, and a workload may have at most {YamlLimits.MaxLayers} layers); refusing to expand it"));
            }
        }

        private void Fail(Mark mark, string path, string message)
        {
            errors.Add(file, Line(mark), Col(mark), path, message);
            throw new AbortException();
        }

        private static int Line(Mark m) => (int)Math.Min(int.MaxValue, m.Line);

        private static int Col(Mark m) => (int)Math.Min(int.MaxValue, m.Column);
    }
}
