using System.Diagnostics;

namespace HybridSim.Robustness.Tests.Fuzz;

/// <summary>
/// Seeded mutations of the shipped YAML files (a line deleted or duplicated, a value retyped or re-valued, a key
/// renamed) through <c>validate</c> in-process: every one must be exit 0 or 1, never a crash or a stack trace, and the
/// whole run must stay within a loose time bound (issue 15, "Done when").
/// </summary>
public sealed class ShippedYamlFuzzTests
{
    private const int MutationsPerFile = 130;
    private const double TimeBoundSeconds = 240;

    private static readonly string[] Values =
    [
        "abc", "-1", "0", "1.5", "1e308", "-1e308", "99999999999", "99999999999999999999999", "[1, 2]", "{a: 1}", "~", "true",
        "''", "1e-300Hz", "2000GHz", "1e30s", "NaN", "auto", "${nope}", "${xbar}", "&a x", "*a", "\"\\u0000\"", "0x10", "1_000",
    ];

    [Fact]
    public void Mutated_shipped_files_validate_to_exit_0_or_1_without_a_stack_trace()
    {
        using var dir = new TempDirectory();
        var arch = Path.Combine(dir.Path, "arch");
        Copy(Path.Combine(Cli.Root, "arch"), arch);
        var workloads = Path.Combine(dir.Path, "workloads");
        Copy(Path.Combine(Cli.Root, "workloads"), workloads);

        // Each file with the command that reads it (a base through a top file that extends or includes it).
        var cases = new List<(string File, string[] Args)>();
        foreach (var file in Directory.GetFiles(arch, "*.yaml").Order(StringComparer.Ordinal))
        {
            cases.Add((file, ["validate", "--arch", file]));
        }

        cases.Add((Path.Combine(arch, "base", "puma-analog.yaml"), ["validate", "--arch", Path.Combine(arch, "puma.yaml")]));
        cases.Add((Path.Combine(arch, "base", "digital-puma.yaml"), ["validate", "--arch", Path.Combine(arch, "hyperx-128-16b.yaml")]));
        cases.Add((Path.Combine(arch, "base", "puma-tile.yaml"), ["validate", "--arch", Path.Combine(arch, "hyperx-128-16b.yaml")]));
        foreach (var file in Directory.GetFiles(workloads, "*.yaml").Order(StringComparer.Ordinal))
        {
            cases.Add((file, ["validate", "--arch", Path.Combine(arch, "hyperx-128-16b.yaml"), "--workload", file]));
        }

        var random = new Random(20261202);
        var clock = Stopwatch.StartNew();
        var counts = new int[3];
        foreach (var (file, args) in cases)
        {
            var original = File.ReadAllText(file);
            var lines = original.Split('\n');
            for (var m = 0; m < MutationsPerFile; m++)
            {
                var (mutated, what) = Mutate(lines, random);
                File.WriteAllText(file, mutated);
                var result = Cli.Invoke(args);
                Assert.True(result.Code is 0 or 1, $"{Path.GetFileName(file)} with {what}: exit {result.Code}\n{result.Err}");
                Cli.AssertNoStackTrace(result);
                if (result.Code == 1)
                {
                    Assert.Contains("error: ", result.Err);
                }

                counts[result.Code]++;
            }

            File.WriteAllText(file, original);
        }

        clock.Stop();
        Assert.True(clock.Elapsed.TotalSeconds < TimeBoundSeconds, $"{cases.Count * MutationsPerFile} mutations took {clock.Elapsed.TotalSeconds:F0} s");

        // Both outcomes occur: the mutations are neither all harmless nor all fatal.
        Assert.True(counts[0] > 0 && counts[1] > 0, $"exit 0: {counts[0]}, exit 1: {counts[1]}");
    }

    private static (string Text, string What) Mutate(string[] lines, Random random)
    {
        var list = lines.ToList();
        var candidates = Enumerable.Range(0, list.Count).Where(i => list[i].Contains(':', StringComparison.Ordinal) && !list[i].TrimStart().StartsWith('#')).ToArray();
        var i = candidates.Length > 0 ? candidates[random.Next(candidates.Length)] : random.Next(list.Count);
        var line = list[i];
        var colon = line.IndexOf(':', StringComparison.Ordinal);
        switch (random.Next(5))
        {
            case 0:
                list.RemoveAt(i);
                return (string.Join('\n', list), $"line {i + 1} deleted");
            case 1:
                list.Insert(i, line);
                return (string.Join('\n', list), $"line {i + 1} duplicated");
            case 2 when colon >= 0:
                {
                    var value = Values[random.Next(Values.Length)];
                    list[i] = line[..(colon + 1)] + " " + value;
                    return (string.Join('\n', list), $"line {i + 1} value '{value}'");
                }

            case 3 when colon >= 0:
                {
                    // Re-valued: a number in the line scaled by a power of ten, or negated.
                    var digits = Enumerable.Range(colon, line.Length - colon).FirstOrDefault(k => char.IsAsciiDigit(line[k]), -1);
                    if (digits < 0)
                    {
                        goto default;
                    }

                    var insert = random.Next(3) switch { 0 => "-", 1 => "000000", _ => "0." };
                    list[i] = random.Next(2) == 0 ? line.Insert(digits, insert) : line.Insert(digits + 1, "0000000000");
                    return (string.Join('\n', list), $"line {i + 1} re-valued");
                }

            case 4 when colon > 0:
                {
                    var start = line.Length - line.TrimStart(' ', '-', '{').Length;
                    list[i] = line[..start] + "x" + line[start..];
                    return (string.Join('\n', list), $"line {i + 1} key renamed");
                }

            default:
                list.RemoveAt(i);
                return (string.Join('\n', list), $"line {i + 1} deleted");
        }
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var sub in Directory.GetDirectories(from))
        {
            Copy(sub, Path.Combine(to, Path.GetFileName(sub)));
        }
    }
}
