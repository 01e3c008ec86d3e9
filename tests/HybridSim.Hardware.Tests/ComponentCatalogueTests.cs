using HybridSim.Activity;
using HybridSim.Isa;
using HybridSim.Specs.Architecture;
using static HybridSim.Hardware.Tests.TestMachines;

namespace HybridSim.Hardware.Tests;

/// <summary>
/// What the hardware counts is what <see cref="ComponentCatalogue"/> lists: every ledger key a run opens (one per
/// component, action and tile kind, whether or not the program uses it) is a catalogue entry with that action, at the
/// level the key's scope names. A new count without a catalogue entry fails here, so the loader's checks and
/// <c>describe components</c> stay true to the models.
/// </summary>
public sealed class ComponentCatalogueTests
{
    private static CompiledProgram Idle(ArchitectureSpec arch) => Program(
        arch,
        2,
        TileProgram(0, TileKind.Analog, [new TileHaltInstruction()], [[new HaltInstruction()]]),
        TileProgram(1, TileKind.Digital, [new TileHaltInstruction()], [[new HaltInstruction()]]));

    private static ArchitectureSpec Stacked()
    {
        var arch = Architecture();
        var puma = PumaMvmu(stackLayers: 2);
        var mvmu = puma with { Components = puma.Components.Add(C("layer_select", 1, 0.5, latencyNs: 1)) };
        return arch with { AnalogTile = arch.AnalogTile! with { Core = arch.AnalogTile.Core with { Mvmu = mvmu } } };
    }

    public static TheoryData<string> Machines() => ["table", "per-mac", "stacked"];

    [Theory]
    [MemberData(nameof(Machines))]
    public void Every_key_the_hardware_counts_is_in_the_catalogue(string machine)
    {
        var arch = machine switch
        {
            "per-mac" => Architecture(perMac: true),
            "stacked" => Stacked(),
            _ => Architecture(),
        };
        var keys = HardwareSimulator.Run(Idle(arch)).Ledger.Keys;

        Assert.Contains(keys, k => k.Component == ComponentCatalogue.Crossbar);
        Assert.Contains(keys, k => k.Component == (machine == "per-mac" ? ComponentCatalogue.Mac : ComponentCatalogue.DigitalMvmu));
        Assert.Contains(keys, k => k.Component == ComponentCatalogue.Router);
        foreach (var key in keys)
        {
            var level = Enum.Parse<ComponentLevel>(key.Scope.ToString());
            var entry = ComponentCatalogue.Find(key.Component, level, key.TileKind);
            Assert.True(entry is not null, $"{key} ({key.Scope}, {key.TileKind}) is counted but not in the catalogue");
            Assert.Contains(key.Action, entry.Actions);
        }

        if (machine == "stacked")
        {
            Assert.Contains(keys, k => k.Component == ComponentCatalogue.LayerSelect);
        }
    }

    [Fact]
    public void Activity_scopes_and_catalogue_levels_are_the_same_levels()
    {
        Assert.Equal(Enum.GetNames<ActivityScope>(), Enum.GetNames<ComponentLevel>());
    }

    [Fact]
    public void Every_alu_operation_is_an_action_of_the_alu_or_the_activation_unit()
    {
        var alu = ComponentCatalogue.Find(ComponentCatalogue.Alu, ComponentLevel.Core, TileKind.Analog)!;
        var activation = ComponentCatalogue.Find(ComponentCatalogue.Activation, ComponentLevel.Core, TileKind.Analog)!;
        var ops = Enum.GetValues<AluOp>().Select(o => o.ToString().ToLowerInvariant()).ToList();

        Assert.Equal(ops.Order(StringComparer.Ordinal), alu.Actions.Concat(activation.Actions).Order(StringComparer.Ordinal));
    }
}
