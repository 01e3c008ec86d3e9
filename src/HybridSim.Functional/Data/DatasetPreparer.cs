using System.Globalization;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Data;

/// <summary>
/// Fits read images to a workload: checks labels against its classes and the image size against its input, then
/// zero-pads (value 0 after scaling to [0, 1], before normalization, so padding is black as in torchvision's
/// Pad-then-Normalize) and normalizes each channel as (x − mean) / std from the workload's <c>dataset:</c> block.
/// </summary>
internal static class DatasetPreparer
{
    /// <summary>Classes the workload tells apart: the channels of its last layer's output.</summary>
    public static int WorkloadClasses(WorkloadSpec workload) => workload.Layers.IsDefaultOrEmpty ? 0 : workload.Layers[^1].OutputShape.Channels;

    /// <summary>The image shape a file must have for <paramref name="workload"/>: its input less the <c>dataset.pad</c> border.</summary>
    public static TensorShape ImageShape(WorkloadSpec workload)
    {
        var pad = workload.Dataset?.Pad ?? 0;
        var input = workload.InputShape;
        return new TensorShape(input.Channels, input.Height - (2 * pad), input.Width - (2 * pad));
    }

    /// <summary>Why <see cref="ImageShape"/> is what it is, for messages.</summary>
    public static string ImageShapeReason(WorkloadSpec workload) =>
        workload.Dataset is { Pad: > 0 } d
            ? $"workload '{workload.Name}' takes input {workload.InputShape} with dataset.pad {d.Pad}"
            : $"workload '{workload.Name}' takes input {workload.InputShape}";

    public static Dataset Prepare(RawSet raw, WorkloadSpec workload, int classes)
    {
        CheckLabels(raw, workload);
        CheckShape(raw, workload);
        var spec = workload.Dataset ?? DatasetSpec.None;
        var pad = spec.Pad;
        var (c, h, w) = (raw.Channels, raw.Height + (2 * pad), raw.Width + (2 * pad));
        var outSize = c * h * w;
        var images = new float[(long)raw.Count * outSize];
        var shift = new float[c];
        var scale = new float[c];
        for (var ch = 0; ch < c; ch++)
        {
            shift[ch] = (float)spec.MeanOf(ch);
            scale[ch] = (float)(1 / spec.StdOf(ch));
        }

        for (var s = 0; s < raw.Count; s++)
        {
            var source = raw.Images.AsSpan(s * raw.SampleSize, raw.SampleSize);
            var target = images.AsSpan(s * outSize, outSize);
            for (var ch = 0; ch < c; ch++)
            {
                // The padded border is 0 before normalization, so it becomes (0 − mean) / std like any black pixel.
                var plane = target.Slice(ch * h * w, h * w);
                plane.Fill((0 - shift[ch]) * scale[ch]);
                for (var y = 0; y < raw.Height; y++)
                {
                    var row = source.Slice((ch * raw.Height * raw.Width) + (y * raw.Width), raw.Width);
                    var dest = plane.Slice(((y + pad) * w) + pad, raw.Width);
                    for (var x = 0; x < row.Length; x++)
                    {
                        dest[x] = (row[x] - shift[ch]) * scale[ch];
                    }
                }
            }
        }

        return new Dataset(raw.Name, raw.Source, c, h, w, classes, images, raw.Labels);
    }

    private static void CheckLabels(RawSet raw, WorkloadSpec workload)
    {
        var classes = WorkloadClasses(workload);
        for (var i = 0; i < raw.Count; i++)
        {
            var label = raw.Labels[i];
            if (label < 0 || label >= classes)
            {
                throw DataError.At(raw.LabelSource ?? raw.Source,
                    $"sample {N(i)}: label {N(label)} out of range; expected 0..{N(classes - 1)} " +
                    $"(workload '{workload.Name}' has {N(classes)} classes, the output channels of its last layer)");
            }
        }
    }

    private static void CheckShape(RawSet raw, WorkloadSpec workload)
    {
        var image = new TensorShape(raw.Channels, raw.Height, raw.Width);
        var expected = ImageShape(workload);
        if (image == expected)
        {
            return;
        }

        var input = workload.InputShape;
        var pad = workload.Dataset?.Pad ?? 0;
        var message = $"images are {image} but {ImageShapeReason(workload)}; expected {expected} images";
        var dh = input.Height - raw.Height;
        if (raw.Channels == input.Channels && dh > 0 && dh == input.Width - raw.Width && dh % 2 == 0 && dh / 2 != pad)
        {
            message += $" (to zero-pad {image} images to {input}, give the workload 'dataset: {{pad: {N(dh / 2)}}}')";
        }

        throw DataError.At(raw.Source, message);
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
}
