using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Import;

/// <summary>
/// What an imported model expects its input to be (the workload's <c>dataset:</c> block): from <c>import --mean --std
/// --pad</c>, else from the ONNX model's metadata_props <c>mean</c>, <c>std</c> and <c>pad</c>. ONNX graphs do not carry
/// torchvision's Normalize, so without either the model sees pixels / 255, and the importer says so.
/// </summary>
public static class ImportPreprocessing
{
    public const string MeanKey = "mean";
    public const string StdKey = "std";
    public const string PadKey = "pad";

    /// <summary>Options given on the command line; null where not given.</summary>
    public sealed record Options(string? Mean, string? Std, int? Pad)
    {
        public static Options None { get; } = new(null, null, null);
    }

    /// <summary>
    /// <paramref name="result"/> with a <c>dataset:</c> block written into its workload (options first, then
    /// metadata), and a note saying where it came from; without any, the note on pixels / 255.
    /// </summary>
    /// <param name="input">The imported workload's input shape (the per-channel lists need one value per channel).</param>
    /// <param name="file">The ONNX model, for error messages.</param>
    public static ImportResult Apply(ImportResult result, TensorShape input, Options options, string file)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<SpecError>();
        var metadata = result.Metadata;
        var mean = Values(options.Mean, "--mean", MeanKey, metadata, input, positive: false, file, errors);
        var std = Values(options.Std, "--std", StdKey, metadata, input, positive: true, file, errors);
        var pad = Pad(options.Pad, metadata, input, file, errors);
        if (errors.Count > 0)
        {
            throw new SpecException(errors);
        }

        var notes = result.Notes.ToList();
        if (mean.Values.IsEmpty && std.Values.IsEmpty && pad.Value == 0)
        {
            notes.Add($"no preprocessing given: the model will see pixels scaled to [0, 1] (pixels / 255), not normalized. If it was trained on normalized inputs (torchvision's Normalize(mean, std)), import again with --mean M[,M...] --std S[,S...] (one per input channel; --pad P zero-pads each side), or add 'dataset: {{mean: [...], std: [...]}}' to the workload, or store mean and std in the ONNX model's metadata_props");
            return result with { Notes = notes };
        }

        var sources = new[] { mean.Source, std.Source, pad.Source }.Where(s => s is not null).Distinct();
        notes.Add($"preprocessing from {string.Join(" and ", sources)}: pixels / 255{(pad.Value > 0 ? $", zero-padded by {pad.Value}" : "")}{(mean.Values.IsEmpty && std.Values.IsEmpty ? "" : ", then (x - mean) / std per channel")} (the workload's dataset: block)");
        return result with { WorkloadYaml = WithDataset(result.WorkloadYaml, mean.Values, std.Values, pad.Value), Notes = notes };
    }

    private static (ImmutableArray<double> Values, string? Source) Values(string? option, string optionName, string key, IReadOnlyDictionary<string, string> metadata,
        TensorShape input, bool positive, string file, List<SpecError> errors)
    {
        var (text, path, source) = option is not null ? (option, optionName, optionName)
            : metadata.TryGetValue(key, out var m) ? (m, $"metadata_props['{key}']", "the model's metadata_props") : (null, "", null);
        if (text is null)
        {
            return ([], null);
        }

        var items = text.Trim().TrimStart('[', '(').TrimEnd(']', ')').Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        var values = new List<double>();
        foreach (var item in items)
        {
            if (!double.TryParse(item, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v) || (positive && v <= 0))
            {
                errors.Add(new SpecError(file, 0, 0, path, $"'{item}' is not {(positive ? "a positive number" : "a number")}; expected {Expected(input, positive)}"));
                return ([], null);
            }

            values.Add(v);
        }

        if (values.Count != input.Channels)
        {
            errors.Add(new SpecError(file, 0, 0, path, $"{values.Count} value{(values.Count == 1 ? "" : "s")} for input {input}; expected {Expected(input, positive)}"));
            return ([], null);
        }

        return ([.. values], source);
    }

    private static string Expected(TensorShape input, bool positive) =>
        $"{(positive ? "positive numbers" : "numbers")} separated by commas, one per input channel ({input.Channels})";

    private static (int Value, string? Source) Pad(int? option, IReadOnlyDictionary<string, string> metadata, TensorShape input, string file, List<SpecError> errors)
    {
        var (value, path, source) = option is { } o ? (o.ToString(CultureInfo.InvariantCulture), "--pad", "--pad")
            : metadata.TryGetValue(PadKey, out var m) ? (m.Trim(), $"metadata_props['{PadKey}']", "the model's metadata_props") : (null, "", null);
        if (value is null)
        {
            return (0, null);
        }

        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pad) || pad < 0 || 2L * pad >= Math.Min(input.Height, input.Width))
        {
            errors.Add(new SpecError(file, 0, 0, path, $"'{value}' is not a padding for input {input}; expected a whole number of pixels >= 0 with 2 x pad smaller than the height and width"));
            return (0, null);
        }

        return (pad, pad > 0 ? source : null);
    }

    /// <summary>The workload text with <c>dataset: {...}</c> before its <c>layers:</c>.</summary>
    private static string WithDataset(string yaml, ImmutableArray<double> mean, ImmutableArray<double> std, int pad)
    {
        static string List(ImmutableArray<double> values) => "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";
        var parts = new List<string>();
        if (!mean.IsEmpty)
        {
            parts.Add("mean: " + List(mean));
        }

        if (!std.IsEmpty)
        {
            parts.Add("std: " + List(std));
        }

        if (pad > 0)
        {
            parts.Add("pad: " + pad.ToString(CultureInfo.InvariantCulture));
        }

        const string layers = "\nlayers:\n";
        var at = yaml.IndexOf(layers, StringComparison.Ordinal);
        var text = new StringBuilder(yaml);
        text.Insert(at + 1, "dataset: {" + string.Join(", ", parts) + "}   # pixels / 255, zero-padded by pad, then (x - mean) / std per channel\n");
        return text.ToString();
    }
}
