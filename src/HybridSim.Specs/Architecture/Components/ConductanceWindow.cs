using HybridSim.Specs.Architecture.Schema;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Architecture;

/// <summary>
/// The crossbar's conductance window Gmax - Gmin as a scaling parameter (docs/architecture-files.md, "Your own
/// architecture"): derived from the device block, Gmax = 1 / cell_resistance (the on state) and Gmin = Gmax /
/// on_off_ratio (absent ratio: level 0 conducts nothing, Gmin = 0). A read drives every cell at the read voltage, so
/// its energy follows the conductances, which at a fixed on/off ratio are proportional to the window. A device that
/// states no cell_resistance (ideal cells, <c>device: ideal</c>, an accuracy-model idealisation) says nothing about its
/// window: a figure stated for one is used at its stated value, unscaled and without a warning.
/// </summary>
public static class ConductanceWindow
{
    public const string Name = "conductance_window";

    /// <summary>The MVMU's parameters with the device's window, or with the window left unsaid.</summary>
    public static ScalingParameters Add(ScalingParameters parameters, DeviceSpec device, MappingReader? deviceReader)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(device);
        if (device.CellResistanceOhms is not > 0 || deviceReader is null)
        {
            return parameters.Unsaid(Name);
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
