using HybridSim.Compiler.Isa;

namespace HybridSim.Compiler.Scheduling;

/// <summary>
/// Appends core instructions to a task, merging runs: loads of equal width from consecutive addresses into consecutive
/// registers become one load with a count; zero-fills of consecutive registers become one set.
/// </summary>
internal sealed class InstructionSink(PendingTask task, int tile, int layer)
{
    private int _loadDest = -1;
    private int _loadAddress;
    private int _loadWidth;
    private int _loadCount;
    private int _setDest = -1;
    private int _setLength;

    public int Layer { get; set; } = layer;

    public void Load(int dest, int address, int width)
    {
        FlushSet();
        if (_loadDest >= 0 && width == _loadWidth
            && dest == _loadDest + (_loadWidth * _loadCount) && address == _loadAddress + (_loadWidth * _loadCount))
        {
            _loadCount++;
        }
        else
        {
            FlushLoad();
            (_loadDest, _loadAddress, _loadWidth, _loadCount) = (dest, address, width, 1);
        }

        task.Accesses.Add(new Access(tile, address, width, -1));
    }

    public void Zero(int dest, int length)
    {
        FlushLoad();
        if (_setDest >= 0 && dest == _setDest + _setLength)
        {
            _setLength += length;
        }
        else
        {
            FlushSet();
            (_setDest, _setLength) = (dest, length);
        }
    }

    public void Add(CoreInstruction instruction)
    {
        Flush();
        task.CoreInstructions.Add(instruction);
    }

    public void Store(int address, int source, int consumers, int width)
    {
        Flush();
        task.CoreInstructions.Add(new StoreInstruction(address, source, consumers, width, 1, Layer));
        task.Accesses.Add(new Access(tile, address, width, consumers));
    }

    public void Flush()
    {
        FlushLoad();
        FlushSet();
    }

    private void FlushLoad()
    {
        if (_loadDest >= 0)
        {
            task.CoreInstructions.Add(new LoadInstruction(_loadDest, _loadAddress, _loadWidth, _loadCount, Layer));
            _loadDest = -1;
        }
    }

    private void FlushSet()
    {
        if (_setDest >= 0)
        {
            task.CoreInstructions.Add(new SetInstruction(_setDest, 0, _setLength, Layer));
            _setDest = -1;
        }
    }
}
