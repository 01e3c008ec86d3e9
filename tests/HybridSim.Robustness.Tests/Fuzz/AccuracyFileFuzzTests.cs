using System.Buffers.Binary;
using System.Diagnostics;
using HybridSim.Functional.Tests.Import;
using DataFiles = HybridSim.Functional.Tests.Data.DataFiles;

namespace HybridSim.Robustness.Tests.Fuzz;

/// <summary>
/// Seeded byte-level mutations of a valid <c>.npz</c> (the shipped cnn-digits weights), a gzipped IDX pair and an ONNX
/// model, each through the verb that reads it, in-process: every mutation must be exit 0 or 1, never a crash or a stack
/// trace (issue 24, "What to build"). Mutations: bytes flipped, runs zeroed or set to 0xFF, the file cut short, a
/// 32-bit word overwritten with a huge or negative size, a chunk duplicated.
/// </summary>
public sealed class AccuracyFileFuzzTests
{
    private const double TimeBoundSeconds = 300;

    [Fact]
    public void Mutated_weights_data_and_models_are_exit_0_or_1_without_a_stack_trace()
    {
        using var dir = new TempDirectory();
        var random = new Random(20261208);
        var clock = Stopwatch.StartNew();
        var counts = new int[2];

        var weights = Path.Combine(dir.Path, "w.npz");
        var npz = File.ReadAllBytes(Path.Combine(Cli.Root, "weights", "cnn-digits.npz"));
        Run(npz, weights, 80, random, counts, () => Evaluate(weights, "digits"));

        var idx = Path.Combine(dir.Path, "idx");
        Directory.CreateDirectory(idx);
        var images = Path.Combine(idx, "t10k-images-idx3-ubyte.gz");
        File.WriteAllBytes(Path.Combine(idx, "t10k-labels-idx1-ubyte.gz"), DataFiles.Gzip(DataFiles.IdxLabels([.. Enumerable.Range(0, 30).Select(i => (byte)(i % 10))])));
        var raw = DataFiles.IdxImages(30, 8, 8, (i, y, x) => (byte)((i * 7) + (y * 8) + x));
        Run(DataFiles.Gzip(raw), images, 40, random, counts, () => Evaluate(Path.Combine(Cli.Root, "weights", "cnn-digits.npz"), idx));
        Run(raw, images, 40, random, counts, () => Evaluate(Path.Combine(Cli.Root, "weights", "cnn-digits.npz"), idx));

        var model = Path.Combine(dir.Path, "m.onnx");
        var onnx = new OnnxTestModel()
            .Input("x", 1, 16).Weight("W1", 8, 16).Weight("b1", 8).Weight("W2", 4, 8)
            .Node("Gemm", "fc1", ["x", "W1", "b1"], ["h"], ("transB", 1L))
            .Node("Relu", "relu", ["h"], ["r"])
            .Node("Gemm", "fc2", ["r", "W2"], ["y"], ("transB", 1L))
            .Output("y").Bytes();
        Run(onnx, model, 200, random, counts, () => Cli.Invoke("import", model, "--out", Path.Combine(dir.Path, "m.yaml"), "--weights", Path.Combine(dir.Path, "m.npz")));

        Assert.True(counts[0] > 0 && counts[1] > 0, $"{counts[0]} mutations accepted, {counts[1]} refused: both kinds expected");
        Assert.True(clock.Elapsed.TotalSeconds < TimeBoundSeconds, $"took {clock.Elapsed.TotalSeconds:F0} s");
    }

    private static (int Code, string Out, string Err) Evaluate(string weights, string data) =>
        Cli.Invoke("evaluate", "--arch", Cli.Arch("hyperx-128-16b.yaml"), "--workload", "cnn-digits", "--weights", weights, "--data", data,
            "--freeze", "2", "--path", "fast", "--limit", "10");

    private static void Run(byte[] original, string path, int mutations, Random random, int[] counts, Func<(int Code, string Out, string Err)> invoke)
    {
        for (var m = 0; m < mutations; m++)
        {
            var (bytes, what) = Mutate(original, random);
            File.WriteAllBytes(path, bytes);
            var result = invoke();
            Assert.True(result.Code is 0 or 1, $"{Path.GetFileName(path)} with {what}: exit {result.Code}\n{result.Err}");
            Cli.AssertNoStackTrace(result);
            counts[result.Code]++;
        }
    }

    private static (byte[] Bytes, string What) Mutate(byte[] original, Random random)
    {
        var bytes = (byte[])original.Clone();
        var at = random.Next(bytes.Length);
        var run = Math.Min(bytes.Length - at, 1 + random.Next(16));
        switch (random.Next(6))
        {
            case 0:
                bytes[at] ^= (byte)(1 << random.Next(8));
                return (bytes, $"bit flipped at {at}");
            case 1:
                bytes.AsSpan(at, run).Clear();
                return (bytes, $"{run} bytes zeroed at {at}");
            case 2:
                bytes.AsSpan(at, run).Fill(0xFF);
                return (bytes, $"{run} bytes set to 0xFF at {at}");
            case 3:
                return (bytes[..at], $"cut to {at} bytes");
            case 4:
                {
                    var word = Math.Min(at, bytes.Length - 4);
                    var value = new[] { int.MaxValue, -1, 1 << 30, 12_000_000, 65_535 }[random.Next(5)];
                    if (random.Next(2) == 0)
                    {
                        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(word), value);
                    }
                    else
                    {
                        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(word), value);
                    }

                    return (bytes, $"word at {word} set to {value}");
                }

            default:
                return ([.. bytes[..(at + run)], .. bytes[at..]], $"{run} bytes at {at} duplicated");
        }
    }
}
