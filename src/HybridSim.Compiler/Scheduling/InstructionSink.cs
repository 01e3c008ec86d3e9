using HybridSim.Compiler.Dataflow;
using HybridSim.Compiler.Isa;

namespace HybridSim.Compiler.Scheduling;

/// <summary>Appends core instructions to a task; zero-fills of consecutive registers become one set.</summary>
internal sealed class InstructionSink(PendingTask task, int layer)
{
    private int _setDest = -1;
    private int _setLength;

    public void Load(int dest, TensorBuffer buffer, int pixel, int channel, int width)
    {
        FlushSet();
        task.CoreInstructions.Add((new LoadInstruction(dest, -1, width, 1, layer), new Fixup(0, buffer, pixel, channel)));
        task.Accesses.Add(new Access(buffer, pixel, channel, width, -1));
    }

    public void Zero(int dest, int length)
    {
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
        FlushSet();
        task.CoreInstructions.Add((instruction, null));
    }

    public void Store(TensorBuffer buffer, int pixel, int channel, int source, int consumers, int width)
    {
        FlushSet();
        task.CoreInstructions.Add((new StoreInstruction(-1, source, consumers, width, 1, layer), new Fixup(0, buffer, pixel, channel)));
        task.Accesses.Add(new Access(buffer, pixel, channel, width, consumers));
    }

    public void Flush() => FlushSet();

    private void FlushSet()
    {
        if (_setDest >= 0)
        {
            task.CoreInstructions.Add((new SetInstruction(_setDest, 0, _setLength, layer), null));
            _setDest = -1;
        }
    }
}
