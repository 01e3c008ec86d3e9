using HybridSim.Specs.Output;
using System.Text;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Validation;

namespace HybridSim.Functional.Tests.Weights;

public sealed class NpyFileTests
{
    private static byte[] Npy(NamedArray a)
    {
        using var s = new MemoryStream();
        NpyFile.Write(s, a);
        return s.ToArray();
    }

    /// <summary>An npy file built by hand: version 1.0 prefix, header text padded as numpy pads, then the data.</summary>
    private static byte[] HandMade(string dict, byte[] data, byte major = 1)
    {
        var prefix = major == 1 ? 10 : 12;
        var pad = 64 - ((prefix + dict.Length + 1) % 64);
        var text = Encoding.ASCII.GetBytes(dict + new string(' ', pad) + "\n");
        var bytes = new List<byte> { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', major, 0 };
        bytes.AddRange(major == 1 ? BitConverter.GetBytes((ushort)text.Length) : BitConverter.GetBytes((uint)text.Length));
        bytes.AddRange(text);
        bytes.AddRange(data);
        return [.. bytes];
    }

    private static NamedArray Read(byte[] bytes) => NpyFile.Read(new MemoryStream(bytes), "x", "x.npy");

    [Fact]
    public void Float32_vector_is_written_byte_for_byte_as_numpy_saves_it()
    {
        // np.save of np.array([1, 2, 3], dtype='<f4'): header length 0x76 (118), data from byte 128.
        var expected = new List<byte> { 0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 0x01, 0x00, 0x76, 0x00 };
        expected.AddRange(Encoding.ASCII.GetBytes("{'descr': '<f4', 'fortran_order': False, 'shape': (3,), }"));
        expected.AddRange(Enumerable.Repeat((byte)' ', 60));
        expected.Add((byte)'\n');
        expected.AddRange([0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x40, 0x40]);

        var bytes = Npy(new NamedArray("v", [3], [1f, 2f, 3f]));

        Assert.Equal(expected.ToArray(), bytes);
    }

    [Theory]
    [InlineData(new int[0], "()")]
    [InlineData(new[] { 2, 3 }, "(2, 3)")]
    [InlineData(new[] { 64, 3, 7, 7 }, "(64, 3, 7, 7)")]
    public void Header_text_and_64_byte_alignment_follow_numpy(int[] shape, string tuple)
    {
        var elements = shape.Aggregate(1, (a, d) => a * d);
        var bytes = Npy(new NamedArray("a", [.. shape], new float[elements]));

        var headerLength = BitConverter.ToUInt16(bytes, 8);
        var header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.Equal(0, (10 + headerLength) % 64);
        Assert.StartsWith("{'descr': '<f4', 'fortran_order': False, 'shape': " + tuple + ", }", header, StringComparison.Ordinal);
        Assert.EndsWith(" \n", header, StringComparison.Ordinal);
        Assert.Equal(10 + headerLength + (4 * elements), bytes.Length);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 5 })]
    [InlineData(new[] { 2, 3, 4 })]
    public void Round_trip_keeps_shape_and_values(int[] shape)
    {
        var elements = shape.Aggregate(1, (a, d) => a * d);
        var data = Enumerable.Range(0, elements).Select(i => (i * 0.37f) - 1.5f).ToArray();
        var original = new NamedArray("w", [.. shape], data);

        var back = NpyFile.Read(new MemoryStream(Npy(original)), "w", "w.npy");

        Assert.Equal("w", back.Name);
        Assert.Equal(original.Shape.ToArray(), back.Shape.ToArray());
        Assert.Equal(original.Data, back.Data);
    }

    [Fact]
    public void Float64_int64_int32_and_uint8_are_converted_to_float()
    {
        var f8 = Read(HandMade("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", [.. BitConverter.GetBytes(0.5), .. BitConverter.GetBytes(-2.25)]));
        var i8 = Read(HandMade("{'descr': '<i8', 'fortran_order': False, 'shape': (2,), }", [.. BitConverter.GetBytes(-7L), .. BitConverter.GetBytes(9L)]));
        var i4 = Read(HandMade("{'descr': '<i4', 'fortran_order': False, 'shape': (1, 2), }", [.. BitConverter.GetBytes(-3), .. BitConverter.GetBytes(4)]));
        var u1 = Read(HandMade("{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }", [0, 128, 255]));
        var bigF4 = Read(HandMade("{'descr': '>f4', 'fortran_order': False, 'shape': (1,), }", [0x3F, 0x80, 0x00, 0x00]));

        Assert.Equal([0.5f, -2.25f], f8.Data);
        Assert.Equal([-7f, 9f], i8.Data);
        Assert.Equal([-3f, 4f], i4.Data);
        Assert.Equal([1, 2], i4.Shape.ToArray());
        Assert.Equal([0f, 128f, 255f], u1.Data);
        Assert.Equal([1f], bigF4.Data);
    }

    [Fact]
    public void Version_2_header_and_keys_in_any_order_are_read()
    {
        var a = Read(HandMade("{'shape': (2,), 'fortran_order': False, 'descr': '<f4'}", [.. BitConverter.GetBytes(1f), .. BitConverter.GetBytes(2f)], major: 2));

        Assert.Equal([1f, 2f], a.Data);
    }

    [Fact]
    public void Fortran_order_is_read_into_c_order()
    {
        // np.asfortranarray([[1, 2, 3], [4, 5, 6]], dtype='<f4') stores its columns one after the other: 1 4 2 5 3 6.
        float[] columns = [1f, 4f, 2f, 5f, 3f, 6f];
        var data = columns.SelectMany(BitConverter.GetBytes).ToArray();

        var a = Read(HandMade("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", data));

        Assert.Equal([2, 3], a.Shape.ToArray());
        Assert.Equal([1f, 2f, 3f, 4f, 5f, 6f], a.Data);
    }

    [Theory]
    [InlineData(new[] { 4 })]
    [InlineData(new[] { 3, 1 })]
    [InlineData(new[] { 2, 3, 4 })]
    [InlineData(new[] { 3, 2, 3, 3 })]
    public void Fortran_order_gives_the_same_array_as_c_order(int[] shape)
    {
        // The C-order array's value at (i0, i1, ...) is its row-major offset; the Fortran file lists the same values
        // with the first index fastest, written here byte by byte as np.save writes a Fortran-ordered float64 array.
        var elements = shape.Aggregate(1, (a, d) => a * d);
        var cOrder = Enumerable.Range(0, elements).Select(i => (float)i).ToArray();
        var fortran = new List<byte>();
        var index = new int[shape.Length];
        for (var f = 0; f < elements; f++)
        {
            var offset = 0;
            for (var d = 0; d < shape.Length; d++)
            {
                offset = (offset * shape[d]) + index[d];
            }

            fortran.AddRange(BitConverter.GetBytes((double)offset));
            for (var d = 0; d < shape.Length && ++index[d] == shape[d]; d++)
            {
                index[d] = 0;
            }
        }

        var tuple = shape.Length == 1 ? $"({shape[0]},)" : "(" + string.Join(", ", shape) + ")";
        var read = Read(HandMade("{'descr': '<f8', 'fortran_order': True, 'shape': " + tuple + ", }", [.. fortran]));
        var same = Read(Npy(new NamedArray("x", [.. shape], cOrder)));

        Assert.Equal(shape, read.Shape.ToArray());
        Assert.Equal(same.Data, read.Data);
    }

    [Fact]
    public void Fortran_order_still_checks_the_data_length()
    {
        var e = Assert.Throws<SpecException>(() => Read(HandMade("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", new byte[20])));

        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        Assert.StartsWith("x.npy: x: ", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<c8")]
    [InlineData("|S3")]
    [InlineData("<U4")]
    [InlineData("|f4")]
    public void Unsupported_dtype_is_an_error_naming_it(string descr)
    {
        var e = Assert.Throws<SpecException>(() => Read(HandMade("{'descr': '" + descr + "', 'fortran_order': False, 'shape': (1,), }", new byte[16])));

        Assert.Contains($"dtype '{descr}' is not supported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_magic_is_an_error()
    {
        var bytes = Npy(new NamedArray("a", [1], [1f]));
        bytes[1] = (byte)'X';

        var e = Assert.Throws<SpecException>(() => Read(bytes));

        Assert.Contains("bad magic", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_data_header_and_preamble_are_errors()
    {
        var bytes = Npy(new NamedArray("a", [2, 2], [1f, 2f, 3f, 4f]));

        var data = Assert.Throws<SpecException>(() => Read(bytes[..^1]));
        var header = Assert.Throws<SpecException>(() => Read(bytes[..40]));
        var preamble = Assert.Throws<SpecException>(() => Read(bytes[..5]));

        Assert.Contains("truncated: shape (2, 2) of <f4 needs 16 data bytes", data.Message, StringComparison.Ordinal);
        Assert.Contains("truncated in the 118-byte header", header.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", preamble.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_after_the_data_are_an_error()
    {
        var bytes = Npy(new NamedArray("a", [1], [1f]));

        var e = Assert.Throws<SpecException>(() => Read([.. bytes, 0]));

        Assert.Contains("bytes after the 4 data bytes", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{'descr': '<f4', 'shape': (1,), }", "lacks 'fortran_order'")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), 'extra': 1}", "unknown key 'extra'")]
    [InlineData("{'descr': '<f4', 'fortran_order': Maybe, 'shape': (1,), }", "expected True or False")]
    [InlineData("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", "expected a non-negative dimension")]
    [InlineData("{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (1,), }", "structured dtype")]
    public void Malformed_header_is_an_error_saying_what_was_expected(string dict, string message)
    {
        var e = Assert.Throws<SpecException>(() => Read(HandMade(dict, new byte[4])));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WriteFile_writes_atomically_and_leaves_no_temporary_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Sub("logits.npy");
        File.WriteAllText(path, "old");

        NpyFile.WriteFile(path, new NamedArray("logits", [2], [1f, 2f]));

        Assert.Equal(Npy(new NamedArray("logits", [2], [1f, 2f])), File.ReadAllBytes(path));
        Assert.Single(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void WriteFile_refuses_to_replace_a_folder()
    {
        using var dir = new TempDirectory();

        var e = Assert.Throws<SpecException>(() => NpyFile.WriteFile(dir.Path, new NamedArray("a", [1], [1f])));

        Assert.Contains("is a folder", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Devices_are_not_regular_files()
    {
        // Checked read-only: a failing check must not let a test rename a file over /dev/null.
        using var dir = new TempDirectory();
        var file = dir.File("f.txt", "x");

        Assert.True(SafeFile.IsRegularFile(file));
        if (OperatingSystem.IsLinux())
        {
            Assert.False(SafeFile.IsRegularFile("/dev/null"));
        }
    }

    [Fact]
    public void WriteFile_refuses_to_replace_a_pipe()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists("/usr/bin/mkfifo"))
        {
            return;
        }

        using var dir = new TempDirectory();
        var fifo = dir.Sub("pipe.npy");
        using (var mkfifo = System.Diagnostics.Process.Start("/usr/bin/mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        var e = Assert.Throws<SpecException>(() => NpyFile.WriteFile(fifo, new NamedArray("a", [1], [1f])));

        Assert.Contains("not a regular file", e.Message, StringComparison.Ordinal);
        Assert.False(SafeFile.IsRegularFile(fifo));
    }
}
