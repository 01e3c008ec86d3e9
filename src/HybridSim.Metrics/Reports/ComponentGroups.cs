using System.Collections.Immutable;
using C = HybridSim.Specs.Architecture.ComponentCatalogue;

namespace HybridSim.Metrics.Reports;

/// <summary>Components summed and drawn together in an energy breakdown; <see cref="Components"/> are architecture-file names.</summary>
public sealed record ComponentGroup(string Label, ImmutableArray<string> Components);

/// <summary>
/// The one table of which component belongs to which group in the energy breakdowns (<c>breakdown.svg</c>). A
/// component is named as in the architecture files' <c>components:</c> (the part of a report name after its level:
/// <c>adc</c> of <c>analog.adc</c>, <c>router</c> of <c>noc.router</c>), so the analog and digital tiles' memories fall
/// in one group. A name no group lists belongs to <see cref="Other"/>, which a figure draws under that label rather than
/// hiding it; a test checks every component of the shipped architectures has a group.
/// </summary>
public static class ComponentGroups
{
    /// <summary>The groups in drawing order (bottom of a stacked bar first); each group's colour is its position.</summary>
    public static readonly ImmutableArray<ComponentGroup> All =
    [
        new("analog MVMU (xbar, ADC, DAC, S&H, S&A)", [C.Crossbar, C.Adc, C.Dac, C.SampleHold, C.ShiftAdd, C.LayerSelect]),
        new("digital MVMU", [C.DigitalMvmu, C.Sram, C.Mac]),
        new("memories (eDRAM, buffers, registers)",
        [C.Edram, C.EdramBus, C.EdramController, C.RegisterFile, C.InstructionMemory, C.TileInstructionMemory, C.InputBuffer, C.OutputBuffer, C.AttributeBuffer, C.ReceiveBuffer]),
        new("ALU and activation", [C.Alu, C.Activation]),
        new("control", [C.CoreControl, C.TileControl]),
        new("NoC and inter-node links", [C.Router, C.Link, C.InterNodeLink, C.HyperTransport]),
    ];

    /// <summary>Components no group lists; drawn after the others.</summary>
    public static readonly ComponentGroup Other = new("other (components not in the group table)", []);

    private static readonly ImmutableDictionary<string, int> IndexByName = BuildIndex();

    /// <summary>
    /// Position of the group of a component given by report name (<c>analog.adc</c>) or by bare name (<c>adc</c>):
    /// an index into <see cref="All"/>, or <c>All.Length</c> for <see cref="Other"/>.
    /// </summary>
    public static int IndexOf(string component)
    {
        var dot = component.IndexOf('.', StringComparison.Ordinal);
        var name = dot < 0 ? component : component[(dot + 1)..];
        return IndexByName.TryGetValue(name, out var index) ? index : All.Length;
    }

    /// <summary>The group at <paramref name="index"/> as <see cref="IndexOf"/> numbers them (<see cref="Other"/> last).</summary>
    public static ComponentGroup At(int index) => index < All.Length ? All[index] : Other;

    /// <summary>The group of a component (see <see cref="IndexOf"/>).</summary>
    public static ComponentGroup Of(string component) => At(IndexOf(component));

    private static ImmutableDictionary<string, int> BuildIndex()
    {
        var index = ImmutableDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < All.Length; i++)
        {
            foreach (var name in All[i].Components)
            {
                // A name in two groups would make the breakdown depend on table order: refuse it at start-up.
                if (!index.TryAdd(name, i))
                {
                    throw new InvalidOperationException($"component '{name}' is listed in two groups ('{All[index[name]].Label}' and '{All[i].Label}')");
                }
            }
        }

        return index.ToImmutable();
    }
}
