using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;
using HybridSim.Specs.Yaml;
using HybridSim.Sweeps.Pipeline;

namespace HybridSim.Sweeps;

/// <summary>The real <see cref="SweepBackend"/>: each point through <see cref="RunPipeline.Run"/>, keys from file contents and the simulator build.</summary>
public static class PipelineBackend
{
    public static SweepBackend Create() => new(
        point => RunPipeline.Run(new RunRequest(point.ArchitecturePath, point.Overrides, point.Workload, point.Partition)).Report,
        ArchitectureFingerprint,
        WorkloadFingerprint,
        ModelVersion());

    /// <summary>
    /// Digest of the architecture file and of every file it pulls in through <c>extends</c>/<c>include</c> (as the
    /// composer reads them), so editing a base file gives new keys too. When the file cannot be composed (the point
    /// will fail with the composer's message anyway), every YAML file in its folder is digested instead.
    /// </summary>
    public static string ArchitectureFingerprint(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpecException(new SpecError(path, 0, 0, "--arch", "architecture file not found"));
        }

        IEnumerable<string> files;
        try
        {
            files = SpecComposer.Compose(path, []).Files.Select(Path.GetFullPath);
        }
        catch (SpecException)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
            files = Directory.GetFiles(folder, "*.yaml").Concat(Directory.GetFiles(folder, "*.yml")).Append(path)
                .Select(Path.GetFullPath).Distinct().Order(StringComparer.Ordinal);
        }

        return Digest(files);
    }

    /// <summary>Digest of the workload file a path or bare name resolves to (as the loader resolves it).</summary>
    /// <exception cref="SpecException">A bare name that matches no workload file (the message lists the known names).</exception>
    public static string WorkloadFingerprint(string workload)
    {
        var file = WorkloadLocator.Resolve(workload);
        if (!File.Exists(file))
        {
            throw new SpecException(new SpecError(workload, 0, 0, "--workload", "workload file not found"));
        }

        return Digest([file]);
    }

    /// <summary>Digest of the HybridSim assemblies that compute a point (deterministic builds: same source, same digest).</summary>
    public static string ModelVersion()
    {
        var assemblies = new HashSet<Assembly>();
        var pending = new Stack<Assembly>([typeof(RunPipeline).Assembly]);
        while (pending.Count > 0)
        {
            var assembly = pending.Pop();
            if (!assemblies.Add(assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name?.StartsWith("HybridSim.", StringComparison.Ordinal) == true))
            {
                pending.Push(Assembly.Load(reference));
            }
        }

        var ids = assemblies.Select(a => a.GetName().Name + ":" + a.ManifestModule.ModuleVersionId.ToString("N")).Order(StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\n", ids))))[..16];
    }

    private static string Digest(IEnumerable<string> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(Path.GetFileName(file) + "\n"));
            hash.AppendData(File.ReadAllBytes(file));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
