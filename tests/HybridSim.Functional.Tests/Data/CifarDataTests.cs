using HybridSim.Functional.Data;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Tests.Data;

/// <summary>CIFAR-10 and CIFAR-100 binary files and folders.</summary>
public sealed class CifarDataTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static byte Pixel(int record, int i) => (byte)((record * 7) + (i % 200));

    private static SpecError Fails(Action load) => Assert.Single(Assert.Throws<SpecException>(load).Errors);

    [Fact]
    public void Cifar10_folder_joins_the_five_training_batches_and_reads_the_test_batch()
    {
        for (var b = 1; b <= 5; b++)
        {
            _dir.Write($"c10/data_batch_{b}.bin", DataFiles.Cifar(false, [b, b + 1], Pixel));
        }

        _dir.Write("c10/test_batch.bin", DataFiles.Cifar(false, [9, 0, 3], Pixel));

        var split = DatasetLoader.Load(Path.Combine(_dir.Path, "c10"), DataFiles.Workload(3, 32, 32));

        var train = split.Train!;
        Assert.Equal(("c10/train", 10, 3, 32, 32, 10), (train.Name, train.Count, train.Channels, train.Height, train.Width, train.Classes));
        Assert.Equal([1, 2, 2, 3, 3, 4, 4, 5, 5, 6], train.Labels);
        Assert.Equal([9, 0, 3], split.Test.Labels);
        // Record 1 of the test batch, pixel byte 1024 + 5 (green plane, row 0, column 5): 7 + (1029 % 200) = 36.
        Assert.Equal(36 / 255f, split.Test.Image(1)[1024 + 5]);
    }

    [Fact]
    public void Cifar100_uses_the_fine_label_and_100_classes()
    {
        _dir.Write("c100/train.bin", DataFiles.Cifar(true, [99, 42], Pixel));
        _dir.Write("c100/test.bin", DataFiles.Cifar(true, [17], Pixel));

        var split = DatasetLoader.Load(Path.Combine(_dir.Path, "c100"), DataFiles.Workload(3, 32, 32, classes: 100));

        Assert.Equal([99, 42], split.Train!.Labels);
        Assert.Equal([17], split.Test.Labels);
        Assert.Equal(100, split.Test.Classes);
        Assert.Equal(Pixel(0, 3071) / 255f, split.Test.Image(0)[3071]);
    }

    [Fact]
    public void Cifar_archive_folder_is_found_inside_the_folder_given()
    {
        _dir.Write("dl/cifar-10-batches-bin/test_batch.bin", DataFiles.Cifar(false, [4], Pixel));

        var split = DatasetLoader.Load(Path.Combine(_dir.Path, "dl"), DataFiles.Workload(3, 32, 32));

        Assert.Null(split.Train);
        Assert.Equal(("cifar-10-batches-bin/test", 4), (split.Test.Name, split.Test.Labels[0]));
    }

    [Fact]
    public void Single_cifar_file_is_one_set()
    {
        var path = _dir.Write("x/test_batch.bin", DataFiles.Cifar(false, [1, 2], Pixel));

        var split = DatasetLoader.Load(path, DataFiles.Workload(3, 32, 32));

        Assert.Null(split.Train);
        Assert.Equal(("test_batch.bin", 2), (split.Test.Name, split.Test.Count));
    }

    [Fact]
    public void Cifar_reader_rejects_a_truncated_file_with_expected_and_found_sizes()
    {
        var path = _dir.Write("t/test_batch.bin", DataFiles.Cifar(false, [1, 2], Pixel)[..^10]);

        var error = Fails(() => DatasetLoader.Load(Path.Combine(_dir.Path, "t"), DataFiles.Workload(3, 32, 32)));

        Assert.Equal(path, error.File);
        Assert.Contains("truncated file: expected a whole number of 3073-byte CIFAR-10 records", error.Message, StringComparison.Ordinal);
        Assert.Contains("6146 bytes for 2 records, found 6136", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cifar10_label_byte_above_9_is_an_error_naming_the_record()
    {
        var path = _dir.Write("l/test_batch.bin", DataFiles.Cifar(false, [1, 12], Pixel));

        var error = Fails(() => DatasetLoader.Load(Path.Combine(_dir.Path, "l"), DataFiles.Workload(3, 32, 32)));

        Assert.Equal(path, error.File);
        Assert.Contains("record 1: label byte 12 out of range; CIFAR-10 labels are 0..9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cifar100_labels_beyond_a_10_class_workload_are_out_of_range()
    {
        var path = _dir.Write("w/test.bin", DataFiles.Cifar(true, [3, 50], Pixel));

        var error = Fails(() => DatasetLoader.Load(Path.Combine(_dir.Path, "w"), DataFiles.Workload(3, 32, 32)));

        Assert.Equal(path, error.File);
        Assert.Contains("sample 1: label 50 out of range; expected 0..9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cifar10_folder_with_some_training_batches_missing_names_them()
    {
        _dir.Write("p/test_batch.bin", DataFiles.Cifar(false, [1], Pixel));
        _dir.Write("p/data_batch_1.bin", DataFiles.Cifar(false, [1], Pixel));

        var error = Fails(() => DatasetLoader.Load(Path.Combine(_dir.Path, "p"), DataFiles.Workload(3, 32, 32)));

        Assert.Contains("lacks data_batch_2.bin, data_batch_3.bin, data_batch_4.bin, data_batch_5.bin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Cifar_images_do_not_fit_a_one_channel_workload()
    {
        var path = _dir.Write("s/test_batch.bin", DataFiles.Cifar(false, [1], Pixel));

        var error = Fails(() => DatasetLoader.Load(path, DataFiles.Workload(1, 32, 32)));

        Assert.Equal(path, error.File);
        Assert.Contains("images are 3x32x32 but workload 'test-net' takes input 1x32x32", error.Message, StringComparison.Ordinal);
    }
}
