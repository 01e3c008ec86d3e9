using System.Security.Cryptography;
using System.Text;
using HybridSim.Specs.Architecture;

namespace HybridSim.Sweeps;

/// <summary>
/// The stable key of a point: SHA-256 over the model version, the architecture file name and content digest, the
/// workload and its content digest, the partition, the batch, the overrides in order, and the accuracy half's inputs when
/// the sweep has one. The key names the point's
/// file, so a rerun finds finished points and a changed input gives a new key instead of a stale result.
/// </summary>
public static class PointKey
{
    public static string Compute(
        SweepBackend backend, string architecturePath, string workload, PartitionSpec? partition, IEnumerable<string> overrides, int batch = 1)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var canonical = new StringBuilder();
        canonical.Append("hybridsim-point v1\n");
        canonical.Append("model=").Append(backend.ModelVersion).Append('\n');
        canonical.Append("architecture_file=").Append(Path.GetFileName(architecturePath)).Append('\n');
        canonical.Append("architecture_content=").Append(backend.ArchitectureFingerprint(architecturePath)).Append('\n');
        canonical.Append("workload=").Append(workload).Append('\n');
        canonical.Append("workload_content=").Append(backend.WorkloadFingerprint(workload)).Append('\n');
        canonical.Append("partition=").Append(partition?.ToString() ?? "default").Append('\n');
        canonical.Append("batch=").Append(batch.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n');
        foreach (var overrideText in overrides)
        {
            canonical.Append("set=").Append(overrideText).Append('\n');
        }

        if (backend.AccuracyFingerprint is { } accuracy)
        {
            // Cost-only keys stay as they were: a folder of cost points is reused by a later cost-only sweep.
            canonical.Append("accuracy:\n").Append(accuracy);
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        return $"{partition?.ToString() ?? "default"}-{digest[..20]}";
    }

    /// <summary>SHA-256 of a file's bytes, lower-case hex: the default content digest.</summary>
    public static string FileDigest(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
