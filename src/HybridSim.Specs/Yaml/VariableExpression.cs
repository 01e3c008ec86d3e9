using System.Globalization;
using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Yaml;

/// <summary>
/// Arithmetic inside <c>${}</c>: <c>+ - * /</c>, unary minus and parentheses over plain numbers and variables whose
/// values are plain numbers (<c>${weight_bits / bits_per_cell}</c>). Exact decimal arithmetic, so
/// <c>${16 / 2}</c> is <c>8</c> and <c>${0.1 + 0.2}</c> is <c>0.3</c>; the result is written in the invariant culture
/// without trailing zeros. A field that needs an integer rejects a non-integer result when the spec is loaded.
/// </summary>
public static class VariableExpression
{
    /// <summary>Deepest nesting of parentheses and unary minus one expression may have.</summary>
    public const int MaxNesting = 64;

    /// <summary>Whether <paramref name="text"/> (the inside of <c>${}</c>) is an expression rather than one variable name.</summary>
    public static bool IsExpression(string text) => text.IndexOfAny(['+', '-', '*', '/', '(', ')', ' ']) >= 0 || (text.Length > 0 && (char.IsDigit(text[0]) || text[0] == '.'));

    /// <summary>The variable names <paramref name="text"/> mentions, in order.</summary>
    public static IEnumerable<string> Names(string text)
    {
        for (var i = 0; i < text.Length;)
        {
            if (IsNameStart(text[i]))
            {
                var start = i;
                while (i < text.Length && IsNamePart(text[i]))
                {
                    i++;
                }

                yield return text[start..i];
            }
            else if (char.IsDigit(text[i]) || text[i] == '.')
            {
                // A number, with its exponent (1e6) so that 'e6' is not read as a name.
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }
        }
    }

    /// <summary>Evaluates <paramref name="text"/>; on failure returns null and sets <paramref name="error"/> to what was wrong and expected.</summary>
    /// <param name="lookup">A variable's expanded value, or null when there is no such variable.</param>
    public static string? Evaluate(string text, Func<string, string?> lookup, IEnumerable<string> names, out string? error)
    {
        var parser = new Parser(text, lookup, names);
        try
        {
            var value = parser.ParseSum(0);
            parser.SkipSpaces();
            if (parser.Position < text.Length)
            {
                throw new ExpressionError($"unexpected '{text[parser.Position]}' at character {parser.Position + 1} of '{text}'; expected an operator (+ - * /) or the end of the expression");
            }

            error = null;
            return value.ToString("0.############################", CultureInfo.InvariantCulture);
        }
        catch (ExpressionError e)
        {
            error = e.Message;
            return null;
        }
        catch (OverflowException)
        {
            error = $"'{text}' overflows (results must stay within +-7.9e28)";
            return null;
        }
    }

    private static bool IsNameStart(char c) => char.IsLetter(c) || c == '_';

    private static bool IsNamePart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private sealed class ExpressionError(string message) : Exception(message);

    private sealed class Parser(string text, Func<string, string?> lookup, IEnumerable<string> names)
    {
        public int Position { get; private set; }

        public void SkipSpaces()
        {
            while (Position < text.Length && text[Position] == ' ')
            {
                Position++;
            }
        }

        public decimal ParseSum(int depth)
        {
            var value = ParseProduct(depth);
            while (true)
            {
                SkipSpaces();
                if (Position < text.Length && (text[Position] == '+' || text[Position] == '-'))
                {
                    var op = text[Position++];
                    var right = ParseProduct(depth);
                    value = op == '+' ? value + right : value - right;
                }
                else
                {
                    return value;
                }
            }
        }

        private decimal ParseProduct(int depth)
        {
            var value = ParseFactor(depth);
            while (true)
            {
                SkipSpaces();
                if (Position < text.Length && (text[Position] == '*' || text[Position] == '/'))
                {
                    var op = text[Position++];
                    var at = Position;
                    var right = ParseFactor(depth);
                    if (op == '/' && right == 0)
                    {
                        throw new ExpressionError($"division by zero in '{text}' (the divisor from character {at + 1} is 0); expected a non-zero divisor");
                    }

                    value = op == '*' ? value * right : value / right;
                }
                else
                {
                    return value;
                }
            }
        }

        private decimal ParseFactor(int depth)
        {
            if (depth >= MaxNesting)
            {
                throw new ExpressionError($"'{Excerpt.Of(text)}' nests parentheses or signs more than {MaxNesting} deep; expected at most {MaxNesting}");
            }

            SkipSpaces();
            if (Position >= text.Length)
            {
                throw new ExpressionError($"'{text}' ends where a number, a variable or '(' was expected");
            }

            var c = text[Position];
            if (c == '-')
            {
                Position++;
                return -ParseFactor(depth + 1);
            }

            if (c == '(')
            {
                Position++;
                var inner = ParseSum(depth + 1);
                SkipSpaces();
                if (Position >= text.Length || text[Position] != ')')
                {
                    throw new ExpressionError($"missing ')' in '{text}'; expected ')' at character {Position + 1}");
                }

                Position++;
                return inner;
            }

            var start = Position;
            if (char.IsDigit(c) || c == '.')
            {
                while (Position < text.Length && (char.IsDigit(text[Position]) || text[Position] == '.'
                       || ((text[Position] == 'e' || text[Position] == 'E') && Position + 1 < text.Length && (char.IsDigit(text[Position + 1]) || text[Position + 1] == '-' || text[Position + 1] == '+'))
                       || ((text[Position] == '-' || text[Position] == '+') && (text[Position - 1] == 'e' || text[Position - 1] == 'E'))))
                {
                    Position++;
                }

                var literal = text[start..Position];
                return ParseNumber(literal) ?? throw new ExpressionError($"'{literal}' in '{text}' is not a number; expected digits such as 16, 0.5 or 1e6");
            }

            if (IsNameStart(c))
            {
                while (Position < text.Length && IsNamePart(text[Position]))
                {
                    Position++;
                }

                var name = text[start..Position];
                var value = lookup(name);
                if (value is null)
                {
                    var list = string.Join(", ", names);
                    throw new ExpressionError($"unknown variable '{name}' in '{text}'{DidYouMean.Hint(name, names)}; expected one of the variables: {(list.Length == 0 ? "(none defined)" : list)}");
                }

                return ParseNumber(value.Trim()) ?? throw new ExpressionError(
                    $"variable '{name}' is '{Excerpt.Of(value)}', not a plain number, so '{text}' cannot use it; arithmetic in ${{}} works on numbers without units (write the unit after the braces: ${{a * b}}ns)");
            }

            throw new ExpressionError($"unexpected '{c}' at character {Position + 1} of '{text}'; expected a number, a variable or '('");
        }

        private static decimal? ParseNumber(string s) =>
            decimal.TryParse(s, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
    }
}
