using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HybridSim.Specs.Architecture;

namespace HybridSim.Sweeps;

/// <summary>
/// What a point's result depends on, by content: the model build, the architecture's content digest (the file and every
/// file it pulls in), the workload's content digest, the partition, the batch, the overrides in order (trimmed around
/// '='), and the accuracy half's inputs when the sweep has one. Nothing here depends on how a path was spelled or
/// from which folder the sweep ran, so the same sweep named another way finds the same points.
/// </summary>
public sealed record PointInputs(
    string Model,
    string ArchitectureContent,
    string WorkloadContent,
    string Partition,
    int Batch,
    ImmutableArray<string> Overrides,
    string? Accuracy)
{
    /// <summary>First line of <see cref="Canonical"/>; changing it recomputes every point.</summary>
    public const string Format = "hybridsim-point v2";

    /// <summary>SHA-256 of the overrides in order, one a line (a short field for the point file).</summary>
    public string OverridesDigest => Hex(string.Concat(Overrides.Select(o => o + "\n")));

    /// <summary>The canonical text the key digests (one <c>name=value</c> a line).</summary>
    public string Canonical
    {
        get
        {
            var text = new StringBuilder();
            text.Append(Format).Append('\n');
            text.Append("model=").Append(Model).Append('\n');
            text.Append("architecture_content=").Append(ArchitectureContent).Append('\n');
            text.Append("workload_content=").Append(WorkloadContent).Append('\n');
            text.Append("partition=").Append(Partition).Append('\n');
            text.Append("batch=").Append(Batch.ToString(CultureInfo.InvariantCulture)).Append('\n');
            foreach (var o in Overrides)
            {
                text.Append("set=").Append(o).Append('\n');
            }

            if (Accuracy is not null)
            {
                text.Append("accuracy:\n").Append(Accuracy);
            }

            return text.ToString();
        }
    }

    /// <summary>The point's key: its partition, then 20 hex digits of SHA-256 over <see cref="Canonical"/>.</summary>
    public string Key => $"{Partition}-{Hex(Canonical)[..20]}";

    internal static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}

/// <summary>
/// The stable key of a point (see <see cref="PointInputs"/>). The key names the point's file, so a rerun finds finished
/// points and a changed input gives a new key instead of a stale result.
/// </summary>
/// <remarks>
/// Format v2 (this one) keys by content only. v1 also digested the workload as spelled and the architecture's file
/// name, so <c>mlp-digits</c>, <c>workloads/mlp-digits.yaml</c> and its absolute path were three sweeps; v1 point files
/// are not found under v2 names and are simply recomputed.
/// </remarks>
public static class PointKey
{
    public static string Compute(
        SweepBackend backend, string architecturePath, string workload, PartitionSpec? partition, IEnumerable<string> overrides, int batch = 1) =>
        Inputs(backend, architecturePath, workload, partition, overrides, batch).Key;

    /// <summary>The inputs of a point, digests computed by the backend.</summary>
    public static PointInputs Inputs(
        SweepBackend backend, string architecturePath, string workload, PartitionSpec? partition, IEnumerable<string> overrides, int batch = 1)
    {
        ArgumentNullException.ThrowIfNull(backend);
        return new PointInputs(
            backend.ModelVersion,
            backend.ArchitectureFingerprint(architecturePath),
            backend.WorkloadFingerprint(workload),
            partition?.ToString() ?? "default",
            batch,
            [.. overrides.Select(Normalize)],
            backend.AccuracyFingerprint);
    }

    /// <summary>The inputs of a planned point.</summary>
    public static PointInputs Inputs(SweepBackend backend, SweepPoint point) =>
        Inputs(backend, point.ArchitecturePath, point.Workload, point.Partition, point.Overrides);

    /// <summary><c>KEY = VALUE</c> and <c>KEY=VALUE</c> are one override.</summary>
    private static string Normalize(string text)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? text.Trim() : text[..equals].Trim() + "=" + text[(equals + 1)..].Trim();
    }

    /// <summary>SHA-256 of a file's bytes, lower-case hex: the default content digest.</summary>
    public static string FileDigest(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
