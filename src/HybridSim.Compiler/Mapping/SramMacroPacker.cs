namespace HybridSim.Compiler.Mapping;

/// <summary>
/// Packs matrix blocks (rows × cols rectangles of weights) densely into the SRAM-CIM macros of one core, first fit on
/// shelves: a block goes beside the blocks of a shelf at least as tall as it with room to its right, else onto a new
/// shelf below the shelves of a macro with room, else into a new macro. A LoBranch A block (up to the macro's rows of
/// inputs × r outputs) thus sits beside the other A blocks, macro-cols / r to a macro; a B block (r inputs × up to the
/// macro's cols outputs) sits on a shelf of r rows, macro-rows / r to a macro.
/// </summary>
/// <remarks>
/// Timing (docs/model.md, SRAM-CIM macros): a macro computes one pass per used column; the blocks on shelves one above
/// the other have their own input rows and are summed apart in the same pass, the blocks beside each other in a shelf
/// take their passes one after another. So a macro's MVM over all its blocks never takes more than cols passes, the
/// latency of one MVM of a macro-sized MVMU.
/// </remarks>
public sealed class SramMacroPacker
{
    private readonly List<Macro> _macros = [];

    public SramMacroPacker(int macroRows, int macroCols, int maxMacros)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(macroRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(macroCols, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMacros, 1);
        MacroRows = macroRows;
        MacroCols = macroCols;
        MaxMacros = maxMacros;
    }

    public int MacroRows { get; }

    public int MacroCols { get; }

    public int MaxMacros { get; }

    /// <summary>Macros opened so far.</summary>
    public int Macros => _macros.Count;

    /// <summary>Weights held by the blocks placed so far.</summary>
    public long WeightsHeld { get; private set; }

    /// <summary>
    /// Places a block of <paramref name="rows"/> × <paramref name="cols"/> weights, or returns null (and places
    /// nothing) when it would need more than <see cref="MaxMacros"/> macros.
    /// </summary>
    public MacroPosition? TryPlace(int rows, int cols)
    {
        if (rows < 1 || cols < 1 || rows > MacroRows || cols > MacroCols)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), $"a {rows} x {cols} block does not fit a {MacroRows} x {MacroCols} macro");
        }

        for (var m = 0; m < _macros.Count; m++)
        {
            foreach (var shelf in _macros[m].Shelves)
            {
                if (shelf.Height >= rows && MacroCols - shelf.Width >= cols)
                {
                    var position = new MacroPosition(m, shelf.Top, shelf.Width);
                    shelf.Width += cols;
                    WeightsHeld += (long)rows * cols;
                    return position;
                }
            }
        }

        for (var m = 0; m < _macros.Count; m++)
        {
            if (MacroRows - _macros[m].Height >= rows)
            {
                return NewShelf(m, rows, cols);
            }
        }

        if (_macros.Count >= MaxMacros)
        {
            return null;
        }

        _macros.Add(new Macro());
        return NewShelf(_macros.Count - 1, rows, cols);
    }

    private MacroPosition NewShelf(int m, int rows, int cols)
    {
        var macro = _macros[m];
        var shelf = new Shelf(macro.Height, rows) { Width = cols };
        macro.Shelves.Add(shelf);
        macro.Height += rows;
        WeightsHeld += (long)rows * cols;
        return new MacroPosition(m, shelf.Top, 0);
    }

    private sealed class Macro
    {
        public List<Shelf> Shelves { get; } = [];

        public int Height { get; set; }
    }

    private sealed class Shelf(int top, int height)
    {
        public int Top { get; } = top;

        public int Height { get; } = height;

        public int Width { get; set; }
    }
}
