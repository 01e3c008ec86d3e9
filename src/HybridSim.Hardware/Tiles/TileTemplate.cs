using HybridSim.Activity;
using HybridSim.Hardware.Cores;
using HybridSim.Hardware.Mvmus;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;

namespace HybridSim.Hardware.Tiles;

/// <summary>
/// What every tile of one kind shares: its spec, core timing, MVMU model and the ledger slots it counts into,
/// resolved once so the simulation loop only adds into arrays.
/// </summary>
public sealed class TileTemplate
{
    public TileTemplate(ArchitectureSpec architecture, TileSpec spec, ActivityLedger ledger)
    {
        Spec = spec;
        Kind = spec.Kind;
        CyclePs = architecture.CyclePicoseconds;
        Timing = CoreTiming.From(spec);
        Mvmu = spec.Core.Mvmu switch
        {
            AnalogMvmuSpec a => new AnalogMvmuModel(architecture, spec, a, ledger),
            DigitalMvmuSpec d => new DigitalMvmuModel(architecture, spec, d, ledger),
            _ => throw new InvalidOperationException($"unknown MVMU spec {spec.Core.Mvmu.GetType().Name}"),
        };
        RegisterMap = new CoreRegisterMap(spec.Core.Mvmus, spec.Core.Mvmu.Rows, spec.Core.Mvmu.Cols, spec.Core.RegisterFileWords);
        var k = Kind;
        RegisterRead = ledger.Slot(ActivityScope.Core, k, ComponentCatalogue.RegisterFile, ComponentActions.Read);
        RegisterWrite = ledger.Slot(ActivityScope.Core, k, ComponentCatalogue.RegisterFile, ComponentActions.Write);
        InputBufferRead = ledger.Slot(ActivityScope.Mvmu, k, ComponentCatalogue.InputBuffer, ComponentActions.Read);
        InputBufferWrite = ledger.Slot(ActivityScope.Mvmu, k, ComponentCatalogue.InputBuffer, ComponentActions.Write);
        OutputBufferRead = ledger.Slot(ActivityScope.Mvmu, k, ComponentCatalogue.OutputBuffer, ComponentActions.Read);
        OutputBufferWrite = ledger.Slot(ActivityScope.Mvmu, k, ComponentCatalogue.OutputBuffer, ComponentActions.Write);
        InstructionFetch = ledger.Slot(ActivityScope.Core, k, ComponentCatalogue.InstructionMemory, ComponentActions.Read);
        CoreControl = ledger.Slot(ActivityScope.Core, k, ComponentCatalogue.CoreControl, ComponentActions.Cycle);
        var ops = Enum.GetValues<AluOp>();
        AluSlots = new int[ops.Length];
        foreach (var op in ops)
        {
            var component = op is AluOp.Sigmoid or AluOp.Tanh ? ComponentCatalogue.Activation : ComponentCatalogue.Alu;
            AluSlots[(int)op] = ledger.Slot(ActivityScope.Core, k, component, op.ToString().ToLowerInvariant());
        }

        EdramRead = ledger.Slot(ActivityScope.Tile, k, ComponentCatalogue.Edram, ComponentActions.Read);
        EdramWrite = ledger.Slot(ActivityScope.Tile, k, ComponentCatalogue.Edram, ComponentActions.Write);
        EdramBus = ledger.Slot(ActivityScope.Tile, k, ComponentCatalogue.EdramBus, ComponentActions.Access);
        EdramController = ledger.Slot(ActivityScope.Tile, k, ComponentCatalogue.EdramController, ComponentActions.Access);
        AttributeBuffer = ledger.Slot(ActivityScope.Tile, k, ComponentCatalogue.AttributeBuffer, ComponentActions.Access);
        ReceiveBufferWrite = ledger.Slot(ActivityScope.Tile, k, ComponentCatalogue.ReceiveBuffer, ComponentActions.Write);
        ReceiveBufferRead = ledger.Slot(ActivityScope.Tile, k, ComponentCatalogue.ReceiveBuffer, ComponentActions.Read);
        TileInstructionFetch = ledger.Slot(ActivityScope.Tile, k, ComponentCatalogue.TileInstructionMemory, ComponentActions.Read);
        TileControl = ledger.Slot(ActivityScope.Tile, k, ComponentCatalogue.TileControl, ComponentActions.Cycle);
    }

    public TileSpec Spec { get; }

    public TileKind Kind { get; }

    public long CyclePs { get; }

    public CoreTiming Timing { get; }

    public MvmuModel Mvmu { get; }

    public CoreRegisterMap RegisterMap { get; }

    public int RegisterRead { get; }

    public int RegisterWrite { get; }

    public int InputBufferRead { get; }

    public int InputBufferWrite { get; }

    public int OutputBufferRead { get; }

    public int OutputBufferWrite { get; }

    public int InstructionFetch { get; }

    public int CoreControl { get; }

    /// <summary>Slot per <see cref="AluOp"/> (sigmoid and tanh count on the <c>activation</c> unit).</summary>
    public int[] AluSlots { get; }

    public int EdramRead { get; }

    public int EdramWrite { get; }

    public int EdramBus { get; }

    public int EdramController { get; }

    public int AttributeBuffer { get; }

    public int ReceiveBufferWrite { get; }

    public int ReceiveBufferRead { get; }

    public int TileInstructionFetch { get; }

    public int TileControl { get; }

    /// <summary>Counts register-side reads of <paramref name="words"/> words starting at a register address.</summary>
    public void CountRead(ActivityLedger ledger, int address, int words, int layer)
    {
        var slot = RegisterMap.Classify(address) switch
        {
            RegisterSpace.MvmuInput => InputBufferRead,
            RegisterSpace.MvmuOutput => OutputBufferRead,
            _ => RegisterRead,
        };
        ledger.Add(slot, layer, words);
    }

    /// <summary>Counts register-side writes of <paramref name="words"/> words starting at a register address.</summary>
    public void CountWrite(ActivityLedger ledger, int address, int words, int layer)
    {
        var slot = RegisterMap.Classify(address) switch
        {
            RegisterSpace.MvmuInput => InputBufferWrite,
            RegisterSpace.MvmuOutput => OutputBufferWrite,
            _ => RegisterWrite,
        };
        ledger.Add(slot, layer, words);
    }

    /// <summary>Counts one shared-memory access per access of a transfer (eDRAM, bus, controller, attribute buffer).</summary>
    public void CountSharedMemory(ActivityLedger ledger, bool write, int accesses, int layer)
    {
        ledger.Add(write ? EdramWrite : EdramRead, layer, accesses);
        ledger.Add(EdramBus, layer, accesses);
        ledger.Add(EdramController, layer, accesses);
        ledger.Add(AttributeBuffer, layer, accesses);
    }
}
