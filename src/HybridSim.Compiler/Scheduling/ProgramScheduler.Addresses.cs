using HybridSim.Isa;

namespace HybridSim.Compiler.Scheduling;

// Address resolution once the rings have their final sizes, and the merging of adjacent loads.
internal sealed partial class ProgramScheduler
{
    /// <summary>Final addresses into the instructions that access shared memory.</summary>
    private static List<T> Resolve<T>(ProgramText<T> text)
        where T : class
    {
        var list = text.Instructions;
        foreach (var f in text.Fixups)
        {
            if (list[f.Index] is IAddressedInstruction<T> addressed)
            {
                list[f.Index] = addressed.WithAddress(f.Buffer.Address(f.Pixel, f.Channel));
            }
        }

        return list;
    }

    /// <summary>Adjacent loads of consecutive words (same width and layer) merge into one load with a count.</summary>
    private static List<CoreInstruction> MergeLoads(List<CoreInstruction> list)
    {
        var merged = new List<CoreInstruction>(list.Count);
        foreach (var instruction in list)
        {
            if (instruction is LoadInstruction next && merged.Count > 0 && merged[^1] is LoadInstruction last
                && next.Width == last.Width && next.Layer == last.Layer
                && next.Dest == last.Dest + last.Words && next.Address == last.Address + last.Words)
            {
                merged[^1] = last with { Count = last.Count + 1 };
            }
            else
            {
                merged.Add(instruction);
            }
        }

        return merged;
    }
}
