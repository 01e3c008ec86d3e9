using System.Globalization;
using HybridSim.Specs.Input;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Weights;

/// <summary>Parses the Python dict literal of an npy header: string keys; string, bool and int-tuple values.</summary>
internal static class NpyHeader
{
    public static (string Descr, bool FortranOrder, int[] Shape) Parse(string text, Func<string, SpecException> error)
    {
        var p = new Cursor(text.TrimEnd(), error);
        string? descr = null;
        bool? fortran = null;
        int[]? shape = null;
        p.Expect('{');
        while (!p.TryTake('}'))
        {
            var key = p.QuotedString();
            p.Expect(':');
            switch (key)
            {
                case "descr":
                    descr = p.Peek() is '\'' or '"'
                        ? p.QuotedString()
                        : throw error("the header's 'descr' is a structured dtype; expected a plain one such as '<f4'");
                    break;
                case "fortran_order":
                    fortran = p.Boolean();
                    break;
                case "shape":
                    shape = p.IntTuple();
                    break;
                default:
                    throw error($"the header has an unknown key '{Excerpt.Of(key)}'; expected 'descr', 'fortran_order' and 'shape'");
            }

            if (!p.TryTake(','))
            {
                p.Expect('}');
                break;
            }
        }

        if (descr is null || fortran is null || shape is null)
        {
            var missing = new[] { ("descr", descr is null), ("fortran_order", fortran is null), ("shape", shape is null) }
                .Where(m => m.Item2).Select(m => $"'{m.Item1}'");
            throw error($"the header lacks {string.Join(" and ", missing)}");
        }

        return (descr, fortran.Value, shape);
    }

    private sealed class Cursor(string text, Func<string, SpecException> error)
    {
        private int _at;

        public char Peek()
        {
            SkipSpace();
            return _at < text.Length ? text[_at] : '\0';
        }

        public bool TryTake(char c)
        {
            if (Peek() == c)
            {
                _at++;
                return true;
            }

            return false;
        }

        public void Expect(char c)
        {
            if (!TryTake(c))
            {
                throw Broken($"'{c}'");
            }
        }

        public string QuotedString()
        {
            var quote = Peek();
            if (quote is not ('\'' or '"'))
            {
                throw Broken("a quoted string");
            }

            var end = text.IndexOf(quote, _at + 1);
            if (end < 0)
            {
                throw Broken("a closing quote");
            }

            var value = text[(_at + 1)..end];
            _at = end + 1;
            return value;
        }

        public bool Boolean()
        {
            SkipSpace();
            foreach (var (word, value) in new[] { ("True", true), ("False", false) })
            {
                if (string.CompareOrdinal(text, _at, word, 0, word.Length) == 0)
                {
                    _at += word.Length;
                    return value;
                }
            }

            throw Broken("True or False");
        }

        public int[] IntTuple()
        {
            Expect('(');
            var dims = new List<int>();
            while (!TryTake(')'))
            {
                SkipSpace();
                var start = _at;
                while (_at < text.Length && char.IsAsciiDigit(text[_at]))
                {
                    _at++;
                }

                if (_at == start || !int.TryParse(text.AsSpan(start, _at - start), NumberStyles.None, CultureInfo.InvariantCulture, out var d))
                {
                    throw Broken("a non-negative dimension below 2^31");
                }

                TryTake('L'); // Python 2 wrote longs as 3L
                dims.Add(d);
                if (!TryTake(','))
                {
                    Expect(')');
                    break;
                }
            }

            return [.. dims];
        }

        private void SkipSpace()
        {
            while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            {
                _at++;
            }
        }

        private SpecException Broken(string expected) =>
            error($"malformed header at character {_at + 1}: expected {expected} in \"{Excerpt.Of(text.Trim())}\"");
    }
}
