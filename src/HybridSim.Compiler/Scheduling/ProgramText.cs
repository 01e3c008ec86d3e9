namespace HybridSim.Compiler.Scheduling;

/// <summary>A program being emitted: its instructions and the addresses still to resolve.</summary>
internal sealed class ProgramText<T>
{
    public List<T> Instructions { get; } = [];

    public List<Fixup> Fixups { get; } = [];

    public void Add(T instruction, Fixup? fixup)
    {
        if (fixup is { } f)
        {
            Fixups.Add(f with { Index = Instructions.Count });
        }

        Instructions.Add(instruction);
    }
}
