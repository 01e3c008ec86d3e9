using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HybridSim.Specs.Input;
using HybridSim.Specs.Validation;

namespace HybridSim.Metrics.Reports;

/// <summary>
/// A plain results table (sweep.csv): a header row and rows of cells, written as RFC 4180 CSV with "\n" line ends
/// and invariant-culture numbers, and read back the same way.
/// <para>
/// Cells are safe to open in a spreadsheet (OWASP, "CSV Injection"): a cell that a spreadsheet would run as a formula,
/// one starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return (or the full-width
/// <c>＝ ＋ － ＠</c>), and that is not a number, is written with a leading apostrophe and in double quotes, so it
/// shows as text. Numbers such as <c>-0.5</c> and <c>-inf</c> stay numbers. A cell that itself starts with an apostrophe
/// gets one more, and <see cref="Parse"/> drops one leading apostrophe, so every cell reads back as it was written.
/// </para>
/// </summary>
public sealed record CsvTable(ImmutableArray<string> Header, ImmutableArray<ImmutableArray<string>> Rows)
{
    /// <summary>Index of a column, or -1.</summary>
    public int ColumnIndex(string name) => Header.IndexOf(name);

    public bool HasColumn(string name) => Header.Contains(name);

    /// <summary>The cells of one column, top to bottom.</summary>
    public ImmutableArray<string> Column(string name)
    {
        var index = ColumnIndex(name);
        if (index < 0)
        {
            throw new ArgumentException($"no column '{name}'", nameof(name));
        }

        return Rows.Select(r => r[index]).ToImmutableArray();
    }

    public string ToCsv()
    {
        var text = new StringBuilder();
        text.Append(FormatRow(Header)).Append('\n');
        foreach (var row in Rows)
        {
            text.Append(FormatRow(row)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>
    /// One CSV line (no line end); cells with a comma, quote or line break are quoted, and cells a spreadsheet would
    /// run as formulas are escaped (see the type's remarks).
    /// </summary>
    public static string FormatRow(IEnumerable<string> cells) => string.Join(",", cells.Select(Quote));

    /// <summary>A number as a CSV cell: shortest round-trip, invariant culture; non-finite values as "nan", "inf", "-inf".</summary>
    public static string FormatNumber(double value) =>
        double.IsNaN(value) ? "nan"
        : double.IsPositiveInfinity(value) ? "inf"
        : double.IsNegativeInfinity(value) ? "-inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Parses a cell written by <see cref="FormatNumber"/>; false for an empty or non-numeric cell.</summary>
    public static bool TryParseNumber(string cell, out double value)
    {
        switch (cell)
        {
            case "nan":
                value = double.NaN;
                return true;
            case "inf":
                value = double.PositiveInfinity;
                return true;
            case "-inf":
                value = double.NegativeInfinity;
                return true;
            default:
                return double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        }
    }

    /// <summary>Reads a table through the bounded input reader (regular files of at most 8 MiB).</summary>
    public static CsvTable ReadFile(string path) =>
        Parse(InputFile.ReadAllText(path, InputFile.MaxSpecificationBytes, "", "a CSV table"), path);

    /// <summary>Parses CSV text; every row must have as many cells as the header.</summary>
    /// <exception cref="SpecException">Unterminated quote, ragged row or empty input, with file and line.</exception>
    public static CsvTable Parse(string text, string source = "table.csv")
    {
        var records = new List<(int Line, List<string> Cells)>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        var i = 0;
        var any = false;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i += 2;
                    continue;
                }

                if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    cell.Append(c);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '"' when cell.Length == 0:
                    quoted = true;
                    any = true;
                    break;
                case ',':
                    cells.Add(Unescape(cell.ToString()));
                    cell.Clear();
                    any = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    if (any || cell.Length > 0)
                    {
                        cells.Add(Unescape(cell.ToString()));
                        records.Add((recordLine, cells));
                    }

                    cells = [];
                    cell.Clear();
                    any = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    cell.Append(c);
                    any = true;
                    break;
            }

            i++;
        }

        if (quoted)
        {
            throw new SpecException(new SpecError(source, recordLine, 0, "", "unterminated quoted cell"));
        }

        if (any || cell.Length > 0)
        {
            cells.Add(Unescape(cell.ToString()));
            records.Add((recordLine, cells));
        }

        if (records.Count == 0)
        {
            throw new SpecException(new SpecError(source, 1, 0, "", "empty table: expected a header row"));
        }

        var header = records[0].Cells.ToImmutableArray();
        var rows = ImmutableArray.CreateBuilder<ImmutableArray<string>>();
        var errors = new List<SpecError>();
        foreach (var (recordAt, row) in records.Skip(1))
        {
            if (row.Count != header.Length)
            {
                errors.Add(new SpecError(source, recordAt, 0, "", $"expected {header.Length} cells as in the header, found {row.Count}"));
                continue;
            }

            rows.Add(row.ToImmutableArray());
        }

        if (errors.Count > 0)
        {
            throw new SpecException(errors);
        }

        return new CsvTable(header, rows.ToImmutable());
    }

    /// <summary>Apostrophe that makes a spreadsheet read a cell as text (OWASP's recommended prefix).</summary>
    public const char TextPrefix = '\'';

    /// <summary>True when a spreadsheet would treat the cell as a formula (or as the start of one) rather than text.</summary>
    public static bool IsFormulaLike(string cell) =>
        cell.Length > 0 && FormulaStarts.Contains(cell[0]) && !IsPlainNumber(cell);

    private const string FormulaStarts = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private static bool IsPlainNumber(string cell) =>
        !char.IsWhiteSpace(cell[0]) && !char.IsWhiteSpace(cell[^1]) && TryParseNumber(cell, out _);

    private static string Quote(string cell)
    {
        if (IsFormulaLike(cell) || (cell.Length > 0 && cell[0] == TextPrefix))
        {
            return "\"" + TextPrefix + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        }

        return cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    /// <summary>A cell as read: one leading <see cref="TextPrefix"/> (written by <see cref="Quote"/>) dropped.</summary>
    private static string Unescape(string cell) => cell.Length > 0 && cell[0] == TextPrefix ? cell[1..] : cell;
}
