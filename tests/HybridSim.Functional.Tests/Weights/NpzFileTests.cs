using System.IO.Compression;
using System.Text;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Tests.Weights;

public sealed class NpzFileTests
{
    private static readonly NamedArray[] Arrays =
    [
        new("conv1.weight", [2, 1, 3, 3], [.. Enumerable.Range(0, 18).Select(i => i / 7f)]),
        new("conv1.bias", [2], [0.5f, -0.5f]),
        new("bn1.running_var", [2], [1f, 2f]),
    ];

    [Fact]
    public void Round_trip_keeps_names_order_shapes_and_values()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("w.npz");

        NpzFile.Write(path, Arrays);
        var back = NpzFile.Read(path);

        Assert.Equal(Arrays.Select(a => a.Name), back.Select(a => a.Name));
        for (var i = 0; i < Arrays.Length; i++)
        {
            Assert.Equal(Arrays[i].Shape.ToArray(), back[i].Shape.ToArray());
            Assert.Equal(Arrays[i].Data, back[i].Data);
        }
    }

    [Fact]
    public void Same_arrays_give_byte_identical_files()
    {
        using var dir = new TempDirectory();
        NpzFile.Write(dir.Sub("a.npz"), Arrays);
        NpzFile.Write(dir.Sub("b.npz"), Arrays);

        Assert.Equal(File.ReadAllBytes(dir.Sub("a.npz")), File.ReadAllBytes(dir.Sub("b.npz")));
    }

    [Fact]
    public void Members_are_stored_npy_files_with_a_fixed_timestamp_as_np_savez_writes()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("w.npz");
        NpzFile.Write(path, Arrays);

        var bytes = File.ReadAllBytes(path);
        // First local file header: signature PK\3\4, compression method 0 (stored) at offset 8, DOS time and date at 10.
        Assert.Equal([0x50, 0x4B, 0x03, 0x04], bytes[..4]);
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 8));
        Assert.Equal(0, BitConverter.ToUInt16(bytes, 10));
        Assert.Equal((0 << 9) | (1 << 5) | 1, BitConverter.ToUInt16(bytes, 12));
        using var zip = ZipFile.OpenRead(path);
        Assert.Equal(["conv1.weight.npy", "conv1.bias.npy", "bn1.running_var.npy"], zip.Entries.Select(e => e.FullName));
        using var member = zip.Entries[1].Open();
        using var copy = new MemoryStream();
        member.CopyTo(copy);
        using var expected = new MemoryStream();
        NpyFile.Write(expected, Arrays[1]);
        Assert.Equal(expected.ToArray(), copy.ToArray());
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_an_error_naming_it()
    {
        using var dir = new TempDirectory();
        var path = dir.File("w.npz", "these are not weights");

        var e = Assert.Throws<SpecException>(() => NpzFile.Read(path));

        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        Assert.Contains("not a zip archive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_error()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<SpecException>(() => NpzFile.Read(dir.Sub("none.npz")));

        Assert.Contains("file not found", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_member_that_is_not_npy_is_an_error_naming_the_member()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("w.npz");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using var s = zip.CreateEntry("readme.txt").Open();
            s.Write(Encoding.ASCII.GetBytes("hello"));
        }

        var e = Assert.Throws<SpecException>(() => NpzFile.Read(path));

        Assert.Equal($"{path}: readme.txt: member is not an .npy array; an .npz holds only NAME.npy members", e.Message);
    }

    [Fact]
    public void A_member_with_bad_magic_or_truncated_data_is_an_error_naming_the_member()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("w.npz");
        using var good = new MemoryStream();
        NpyFile.Write(good, Arrays[0]);
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            using (var s = zip.CreateEntry("a.npy").Open())
            {
                s.Write(good.ToArray());
            }

            using (var s = zip.CreateEntry("b.npy").Open())
            {
                s.Write(good.ToArray().AsSpan(0, 150));
            }
        }

        var e = Assert.Throws<SpecException>(() => NpzFile.Read(path));

        Assert.StartsWith($"{path}: b.npy: truncated", e.Message, StringComparison.Ordinal);
        var bad = dir.Sub("bad.npz");
        using (var zip = ZipFile.Open(bad, ZipArchiveMode.Create))
        {
            using var s = zip.CreateEntry("c.npy").Open();
            s.Write(Encoding.ASCII.GetBytes("PK not numpy at all"));
        }

        var magic = Assert.Throws<SpecException>(() => NpzFile.Read(bad));
        Assert.StartsWith($"{bad}: c.npy: bad magic", magic.Message, StringComparison.Ordinal);
    }
}
