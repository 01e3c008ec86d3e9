using HybridSim.Compiler.Dataflow;
using HybridSim.Isa;

namespace HybridSim.Compiler.Scheduling;

/// <summary>Appends core instructions to a task; zero-fills of consecutive registers become one set.</summary>
internal sealed class InstructionSink(PendingTask task, int layer, Func<CoreInstruction, long> cost)
{
    private int _setDest = -1;
    private int _setLength;

    public void Load(int dest, TensorBuffer buffer, int pixel, int channel, int width)
    {
        FlushSet();
        var load = new LoadInstruction(dest, -1, width, 1, layer);
        task.Cycles += cost(load);
        task.CoreInstructions.Add((load, new Fixup(0, buffer, pixel, channel)));
        task.Accesses.Add(Access.Read(buffer, pixel, channel, width));
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
        task.Cycles += cost(instruction);
        task.CoreInstructions.Add((instruction, null));
    }

    public void Store(TensorBuffer buffer, int pixel, int channel, int source, int consumers, int width)
    {
        FlushSet();
        var store = new StoreInstruction(-1, source, consumers, width, 1, layer);
        task.Cycles += cost(store);
        task.CoreInstructions.Add((store, new Fixup(0, buffer, pixel, channel)));
        task.Accesses.Add(Access.Write(buffer, pixel, channel, width, consumers));
    }

    public void Flush() => FlushSet();

    private void FlushSet()
    {
        if (_setDest >= 0)
        {
            var set = new SetInstruction(_setDest, 0, _setLength, layer);
            task.Cycles += cost(set);
            task.CoreInstructions.Add((set, null));
            _setDest = -1;
        }
    }
}
