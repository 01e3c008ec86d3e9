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
    public void A_fortran_ordered_member_reads_as_the_c_ordered_one()
    {
        // np.savez of a transposed weight: w.T of a (3, 2) array is saved as a (2, 3) Fortran-ordered member whose
        // bytes are w's in C order. Written by hand: the header np.save writes, then those bytes.
        using var dir = new TempDirectory();
        var w = new[] { 1f, 2f, 3f, 4f, 5f, 6f }; // (3, 2): rows [1 2], [3 4], [5 6]
        var dict = "{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }";
        var pad = 64 - ((10 + dict.Length + 1) % 64);
        var header = Encoding.ASCII.GetBytes(dict + new string(' ', pad) + "\n");
        var fortranPath = dir.Sub("fortran.npz");
        using (var zip = ZipFile.Open(fortranPath, ZipArchiveMode.Create))
        {
            using var s = zip.CreateEntry("fc.weight.npy").Open();
            s.Write([0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, (byte)header.Length, 0]);
            s.Write(header);
            s.Write(w.SelectMany(BitConverter.GetBytes).ToArray());
        }

        var cPath = dir.Sub("c.npz");
        NpzFile.Write(cPath, [new NamedArray("fc.weight", [2, 3], [1f, 3f, 5f, 2f, 4f, 6f])]);

        var fromFortran = Assert.Single(NpzFile.Read(fortranPath));
        var fromC = Assert.Single(NpzFile.Read(cPath));
        Assert.Equal("fc.weight", fromFortran.Name);
        Assert.Equal(fromC.Shape.ToArray(), fromFortran.Shape.ToArray());
        Assert.Equal(fromC.Data, fromFortran.Data);
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
