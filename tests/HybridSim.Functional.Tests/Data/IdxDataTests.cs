using HybridSim.Functional.Data;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Tests.Data;

/// <summary>IDX files (MNIST layout), raw and gzipped, read through <see cref="DatasetLoader"/>.</summary>
public sealed class IdxDataTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Pixel (i, y, x) of the generated images: distinct per sample and position.</summary>
    private static byte Pixel(int i, int y, int x) => (byte)((i * 50) + (y * 4) + x);

    private string WriteFolder(string folder, bool gzip, int trainCount = 3, int testCount = 2)
    {
        byte[] Maybe(byte[] b) => gzip ? DataFiles.Gzip(b) : b;
        var gz = gzip ? ".gz" : "";
        _dir.Write($"{folder}/train-images-idx3-ubyte{gz}", Maybe(DataFiles.IdxImages(trainCount, 4, 4, Pixel)));
        _dir.Write($"{folder}/train-labels-idx1-ubyte{gz}", Maybe(DataFiles.IdxLabels([.. Enumerable.Range(0, trainCount).Select(i => (byte)(i % 10))])));
        _dir.Write($"{folder}/t10k-images-idx3-ubyte{gz}", Maybe(DataFiles.IdxImages(testCount, 4, 4, Pixel)));
        _dir.Write($"{folder}/t10k-labels-idx1-ubyte{gz}", Maybe(DataFiles.IdxLabels([.. Enumerable.Range(0, testCount).Select(i => (byte)(9 - i))])));
        return Path.Combine(_dir.Path, folder);
    }

    private static SpecError Fails(Action load) => Assert.Single(Assert.Throws<SpecException>(load).Errors);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Idx_folder_reads_train_and_test_parts_scaled_by_255(bool gzip)
    {
        var folder = WriteFolder("mnist", gzip);

        var split = DatasetLoader.Load(folder, DataFiles.Workload(1, 4, 4));

        var train = split.Train!;
        Assert.Equal(("mnist/train", 3, 1, 4, 4), (train.Name, train.Count, train.Channels, train.Height, train.Width));
        Assert.Equal([0, 1, 2], train.Labels);
        Assert.Equal(("mnist/test", 2), (split.Test.Name, split.Test.Count));
        Assert.Equal([9, 8], split.Test.Labels);
        Assert.Equal(10, split.Test.Classes);
        // Sample 1, row 2, column 3: byte 50 + 8 + 3 = 61.
        Assert.Equal(61 / 255f, train.Image(1)[(2 * 4) + 3]);
        Assert.Equal(0f, train.Image(0)[0]);
    }

    [Fact]
    public void Gzip_is_detected_by_its_magic_bytes_not_the_file_name()
    {
        _dir.Write("odd/t10k-images-idx3-ubyte", DataFiles.Gzip(DataFiles.IdxImages(2, 4, 4, Pixel)));
        _dir.Write("odd/t10k-labels-idx1-ubyte.gz", DataFiles.IdxLabels(1, 2));

        var split = DatasetLoader.Load(Path.Combine(_dir.Path, "odd"), DataFiles.Workload(1, 4, 4));

        Assert.Null(split.Train);
        Assert.Equal([1, 2], split.Test.Labels);
        Assert.Equal(3, split.Test.Classes);
    }

    [Fact]
    public void Single_idx_images_file_is_one_set_read_with_the_labels_file_beside_it()
    {
        var folder = WriteFolder("one", gzip: true);

        var split = DatasetLoader.Load(Path.Combine(folder, "t10k-images-idx3-ubyte.gz"), DataFiles.Workload(1, 4, 4));

        Assert.Null(split.Train);
        Assert.Equal(("t10k-images-idx3-ubyte.gz", 2), (split.Test.Name, split.Test.Count));
        Assert.Equal([9, 8], split.Test.Labels);
    }

    [Fact]
    public void Idx_reader_rejects_a_wrong_magic_number()
    {
        var path = _dir.Write("bad/t10k-images-idx3-ubyte", DataFiles.IdxImages(1, 4, 4, Pixel, magic: 0x00000802));
        _dir.Write("bad/t10k-labels-idx1-ubyte", DataFiles.IdxLabels(1));

        var error = Fails(() => DatasetLoader.Load(Path.Combine(_dir.Path, "bad"), DataFiles.Workload(1, 4, 4)));

        Assert.Equal((path, "--data"), (error.File, error.Path));
        Assert.Contains("wrong magic number 0x00000802", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected 0x00000803", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Idx_labels_file_given_as_the_images_file_is_named_as_such()
    {
        var path = _dir.Write("lab/t10k-labels-idx1-ubyte", DataFiles.IdxLabels(1, 2));

        var error = Fails(() => DatasetLoader.Load(path, DataFiles.Workload(1, 4, 4)));

        Assert.Contains("wrong magic number 0x00000801 (this is a labels file; give the images file)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Idx_reader_rejects_a_truncated_images_file_with_expected_and_found_sizes()
    {
        var bytes = DataFiles.IdxImages(3, 4, 4, Pixel);
        var path = _dir.Write("cut/t10k-images-idx3-ubyte", bytes[..^5]);
        _dir.Write("cut/t10k-labels-idx1-ubyte", DataFiles.IdxLabels(1, 2, 3));

        var error = Fails(() => DatasetLoader.Load(Path.Combine(_dir.Path, "cut"), DataFiles.Workload(1, 4, 4)));

        Assert.Equal(path, error.File);
        Assert.Contains("truncated file: expected 64 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("found 59", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Idx_reader_rejects_a_truncated_gzipped_labels_file()
    {
        _dir.Write("cutgz/t10k-images-idx3-ubyte.gz", DataFiles.Gzip(DataFiles.IdxImages(3, 4, 4, Pixel)));
        var path = _dir.Write("cutgz/t10k-labels-idx1-ubyte.gz", DataFiles.Gzip(DataFiles.IdxLabels(1, 2, 3)[..^2]));

        var error = Fails(() => DatasetLoader.Load(Path.Combine(_dir.Path, "cutgz"), DataFiles.Workload(1, 4, 4)));

        Assert.Equal(path, error.File);
        Assert.Contains("truncated file: expected 11 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("found 9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Idx_reader_rejects_more_bytes_than_the_header_says()
    {
        var path = _dir.Write("long/t10k-images-idx3-ubyte", [.. DataFiles.IdxImages(1, 4, 4, Pixel), 7]);
        _dir.Write("long/t10k-labels-idx1-ubyte", DataFiles.IdxLabels(1));

        var error = Fails(() => DatasetLoader.Load(Path.Combine(_dir.Path, "long"), DataFiles.Workload(1, 4, 4)));

        Assert.Equal(path, error.File);
        Assert.Contains("file too long: expected 32 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Idx_image_and_label_counts_must_match()
    {
        _dir.Write("count/t10k-images-idx3-ubyte", DataFiles.IdxImages(3, 4, 4, Pixel));
        var labels = _dir.Write("count/t10k-labels-idx1-ubyte", DataFiles.IdxLabels(1, 2));

        var error = Fails(() => DatasetLoader.Load(Path.Combine(_dir.Path, "count"), DataFiles.Workload(1, 4, 4)));

        Assert.Equal(labels, error.File);
        Assert.Contains("image/label count mismatch: 2 labels here but 3 images", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Idx_label_out_of_the_workloads_classes_names_the_file_and_sample()
    {
        _dir.Write("range/t10k-images-idx3-ubyte", DataFiles.IdxImages(3, 4, 4, Pixel));
        var labels = _dir.Write("range/t10k-labels-idx1-ubyte", DataFiles.IdxLabels(0, 1, 5));

        var error = Fails(() => DatasetLoader.Load(Path.Combine(_dir.Path, "range"), DataFiles.Workload(1, 4, 4, classes: 5)));

        Assert.Equal(labels, error.File); // the labels file holds the bad label (issue 24, case 10)
        Assert.Contains("sample 2: label 5 out of range; expected 0..4", error.Message, StringComparison.Ordinal);
        Assert.Contains("'test-net' has 5 classes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Idx_folder_with_images_but_no_labels_says_which_file_is_missing()
    {
        var images = _dir.Write("half/t10k-images-idx3-ubyte", DataFiles.IdxImages(1, 4, 4, Pixel));

        var error = Fails(() => DatasetLoader.Load(Path.Combine(_dir.Path, "half"), DataFiles.Workload(1, 4, 4)));

        Assert.Equal(images, error.File);
        Assert.Contains("t10k-labels-idx1-ubyte[.gz] is missing", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_idx_file_is_an_error()
    {
        var path = _dir.Write("empty/t10k-images-idx3-ubyte", []);
        _dir.Write("empty/t10k-labels-idx1-ubyte", DataFiles.IdxLabels(1));

        var error = Fails(() => DatasetLoader.Load(Path.Combine(_dir.Path, "empty"), DataFiles.Workload(1, 4, 4)));

        Assert.Equal(path, error.File);
        Assert.Contains("empty file", error.Message, StringComparison.Ordinal);
    }
}
