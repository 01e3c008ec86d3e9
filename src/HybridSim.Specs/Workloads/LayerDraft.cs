using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Workloads;

/// <summary>
/// One layer as read from the file, before graph checks and shape inference: every value is optional and
/// keeps the position of the field it came from, so later checks can point at the offending field.
/// </summary>
internal sealed class LayerDraft
{
    private readonly Dictionary<string, SourceLocation> _fieldLocations = new(StringComparer.Ordinal);

    public LayerDraft(int index, SourceLocation location)
    {
        Index = index;
        Location = location;
        Path = $"layers[{index}]";
    }

    /// <summary>Position in the file's <c>layers:</c> list (0-based).</summary>
    public int Index { get; }

    /// <summary>Where the layer's mapping starts.</summary>
    public SourceLocation Location { get; }

    public string? Name { get; set; }

    public LayerKind? Kind { get; set; }

    /// <summary>Explicit inputs, or null for the default (the previous layer, or <c>input</c> for the first).</summary>
    public List<LayerInputRef>? Inputs { get; set; }

    /// <summary>The <c>inputs:</c> field was written but could not be read (already reported).</summary>
    public bool InputsInvalid { get; set; }

    /// <summary>Some field could not be read (already reported): the layer's shape is not inferred.</summary>
    public bool Broken { get; set; }

    public int? OutChannels { get; set; }

    public int? KernelHeight { get; set; }

    public int? KernelWidth { get; set; }

    public int? Stride { get; set; }

    public int? Padding { get; set; }

    public int? Groups { get; set; }

    public bool? Bias { get; set; }

    public ActivationKind? Activation { get; set; }

    public int? Rank { get; set; }

    public string? ShortcutOf { get; set; }

    public ShortcutPadding PadShortcut { get; set; }

    /// <summary>Path prefix for errors: <c>layers[NAME]</c> for a named layer, else <c>layers[INDEX]</c> (0-based).</summary>
    public string Path { get; set; } = "";

    public void SetLocation(string field, SourceLocation location) => _fieldLocations[field] = location;

    /// <summary>Where <paramref name="field"/> was written, or the layer's own position when it was not.</summary>
    public SourceLocation LocationOf(string field) =>
        _fieldLocations.TryGetValue(field, out var location) ? location : Location;

    public bool Has(string field) => _fieldLocations.ContainsKey(field);

    public SpecError Error(string field, string message)
    {
        var at = LocationOf(field);
        return new SpecError(at.File, at.Line, at.Column, $"{Path}.{field}", message);
    }
}
