using HybridSim.Functional.Data;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Tests.Data;

/// <summary>What <c>--data</c> may name: known names, folders and files, and the errors for anything else.</summary>
public sealed class DatasetLoaderTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static SpecError Fails(Action load) => Assert.Single(Assert.Throws<SpecException>(load).Errors);

    [Fact]
    public void Unknown_bare_name_lists_the_known_names_and_asks_for_a_file_or_folder()
    {
        var error = Fails(() => DatasetLoader.Load("digts", DataFiles.Workload(1, 8, 8)));

        Assert.Equal(("digts", "--data"), (error.File, error.Path));
        Assert.Contains("did you mean 'digits'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("expected a file or folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("known names: digits, fashion-mnist", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("digts: --data: no such file or folder", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Known_names_are_digits_and_fashion_mnist()
    {
        Assert.Equal(["digits", "fashion-mnist"], DatasetLoader.KnownNames.ToArray());
    }

    [Fact]
    public void Missing_fashion_mnist_package_says_how_to_install_it()
    {
        var missing = _dir.Sub("no-such-folder");

        var error = Fails(() => DatasetLoader.Load("fashion-mnist", DataFiles.Workload(1, 28, 28), missing));

        Assert.Equal("fashion-mnist", error.File);
        Assert.Contains("Fashion-MNIST is not installed", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("sudo apt-get install dataset-fashion-mnist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_without_a_data_set_lists_the_files_it_looked_for()
    {
        _dir.File("stuff/readme.txt", "hello");

        var error = Fails(() => DatasetLoader.Load(_dir.Sub("stuff"), DataFiles.Workload(1, 8, 8)));

        Assert.Contains("no data set in this folder", error.Message, StringComparison.Ordinal);
        Assert.Contains("t10k-images-idx3-ubyte", error.Message, StringComparison.Ordinal);
        Assert.Contains("test_batch.bin", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_file_of_no_known_format_is_an_error()
    {
        var path = _dir.Write("blob.dat", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

        var error = Fails(() => DatasetLoader.Load(path, DataFiles.Workload(1, 8, 8)));

        Assert.Equal(path, error.File);
        Assert.Contains("unrecognized data file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corrupt_gzip_data_is_an_error()
    {
        var gz = DataFiles.Gzip("0,1,2,3,4\n"u8.ToArray());
        gz[12] ^= 0xff;
        gz[13] ^= 0xff;
        var path = _dir.Write("bad.csv.gz", gz);

        var error = Assert.Throws<SpecException>(() => DatasetLoader.Load(path, DataFiles.Workload(1, 2, 2)));

        Assert.Equal(path, Assert.Single(error.Errors).File);
    }
}
