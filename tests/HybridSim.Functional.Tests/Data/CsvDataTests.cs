using HybridSim.Functional.Data;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Tests.Data;

/// <summary>CSV data sets: label first, then pixels; header detected; scaled by the largest pixel in the file.</summary>
public sealed class CsvDataTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SpecError Fails(Action load) => Assert.Single(Assert.Throws<SpecException>(load).Errors);

    [Fact]
    public void Csv_pixels_are_scaled_by_the_largest_value_in_the_file()
    {
        var path = _dir.File("d.csv", "3,0,4,8,16\n1,2,2,2,2\n");

        var split = DatasetLoader.Load(path, DataFiles.Workload(1, 2, 2));

        Assert.Null(split.Train);
        Assert.Equal([3, 1], split.Test.Labels);
        Assert.Equal([0f, 0.25f, 0.5f, 1f, 0.125f, 0.125f, 0.125f, 0.125f], split.Test.Images);
        Assert.Equal(4, split.Test.Classes);
    }

    [Fact]
    public void Csv_header_line_is_detected_and_skipped()
    {
        var path = _dir.File("h.csv", "label,p0,p1,p2,p3\r\n0,1,2,3,4\r\n\r\n");

        var split = DatasetLoader.Load(path, DataFiles.Workload(1, 2, 2));

        Assert.Equal([0], split.Test.Labels);
        Assert.Equal([0.25f, 0.5f, 0.75f, 1f], split.Test.Images);
    }

    [Fact]
    public void Gzipped_csv_is_read_like_plain_csv()
    {
        var path = _dir.Write("g.csv.gz", DataFiles.Gzip("2,1,1,1,2\n"u8.ToArray()));

        var split = DatasetLoader.Load(path, DataFiles.Workload(1, 2, 2));

        Assert.Equal([0.5f, 0.5f, 0.5f, 1f], split.Test.Images);
    }

    [Fact]
    public void Csv_non_numeric_field_is_reported_at_its_line_and_column()
    {
        var path = _dir.File("n.csv", "0,1,2,3,4\n1,5,x7,3,4\n");

        var error = Fails(() => DatasetLoader.Load(path, DataFiles.Workload(1, 2, 2)));

        Assert.Equal((path, 2, 5, "--data"), (error.File, error.Line, error.Column, error.Path));
        Assert.Contains("field 3 is 'x7', not a number", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_non_integer_label_is_an_error()
    {
        var path = _dir.File("l.csv", "0,1,2,3,4\n1.5,1,2,3,4\n");

        var error = Fails(() => DatasetLoader.Load(path, DataFiles.Workload(1, 2, 2)));

        Assert.Equal((2, 1), (error.Line, error.Column));
        Assert.Contains("field 1 (the label) is '1.5'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_negative_label_is_out_of_range_naming_the_sample()
    {
        var path = _dir.File("neg.csv", "0,1,2,3,4\n-1,1,2,3,4\n");

        var error = Fails(() => DatasetLoader.Load(path, DataFiles.Workload(1, 2, 2)));

        Assert.Equal(path, error.File);
        Assert.Contains("sample 1: label -1 out of range", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_row_with_the_wrong_number_of_pixels_names_the_workload_input()
    {
        var path = _dir.File("w.csv", "0,1,2,3,4\n1,1,2,3\n");

        var error = Fails(() => DatasetLoader.Load(path, DataFiles.Workload(1, 2, 2)));

        Assert.Equal(2, error.Line);
        Assert.Contains("3 pixel values after the label; expected 4 (1x2x2 images, workload 'test-net' takes input 1x2x2)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_rows_fit_the_input_less_the_workloads_padding()
    {
        var path = _dir.File("p.csv", "0,1,2,3,4\n");

        var split = DatasetLoader.Load(path, DataFiles.Workload(1, 4, 4, dataset: "dataset: {pad: 1}"));

        Assert.Equal((1, 4, 4), (split.Test.Channels, split.Test.Height, split.Test.Width));
        Assert.Equal(0.25f, split.Test.Image(0)[5]);
    }

    [Fact]
    public void Empty_csv_file_is_an_error()
    {
        var path = _dir.File("e.csv", "");

        var error = Fails(() => DatasetLoader.Load(path, DataFiles.Workload(1, 2, 2)));

        Assert.Equal(path, error.File);
        Assert.Contains("empty file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_with_only_a_header_has_no_samples()
    {
        var path = _dir.File("hdr.csv", "label,a,b,c,d\n");

        var error = Fails(() => DatasetLoader.Load(path, DataFiles.Workload(1, 2, 2)));

        Assert.Contains("no samples", error.Message, StringComparison.Ordinal);
    }
}
