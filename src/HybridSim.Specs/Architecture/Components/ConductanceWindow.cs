using HybridSim.Specs.Architecture.Schema;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// The crossbar's conductance window Gmax - Gmin as a scaling parameter (docs/architecture-files.md, "Your own
/// architecture"): derived from the device block, Gmax = 1 / cell_resistance (the on state) and Gmin = Gmax /
/// on_off_ratio (absent ratio: level 0 conducts nothing, Gmin = 0). A read drives every cell at the read voltage, so
/// its energy follows the conductances, which at a fixed on/off ratio are proportional to the window. A device that
/// states no cell_resistance has no window: a <c>stated_for: {conductance_window: ...}</c> is then an error naming what
/// to state.
/// </summary>
public static class ConductanceWindow
{
    public const string Name = "conductance_window";

    /// <summary>The MVMU's parameters with the device's window, or with a note of what the device lacks.</summary>
    public static ScalingParameters Add(ScalingParameters parameters, DeviceSpec device, MappingReader? deviceReader)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(device);
        if (device.CellResistanceOhms is not > 0 || deviceReader is null)
        {
            return parameters.Without(Name, $"it is derived from device.{DeviceFields.CellResistance.Name} (Gmax = 1 / cell_resistance) and device.{DeviceFields.OnOffRatio.Name} (Gmin = Gmax / on_off_ratio), and this MVMU's device states no cell_resistance");
        }

        var gmax = 1 / device.CellResistanceOhms.Value;
        var window = device.OnOffRatio is > 1 ? gmax - (gmax / device.OnOffRatio.Value) : gmax;
        var setAt = deviceReader.Mapping[DeviceFields.CellResistance.Name] switch
        {
            SpecScalar s => s.SetAt,
            var n => n,
        };
        return parameters.With(new ScalingParameter(Name, ScalingParameterKind.Conductance, window, setAt));
    }
}
