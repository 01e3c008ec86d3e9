using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using HybridSim.Specs.Input;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;
using HybridSim.Specs.Yaml;
using HybridSim.Functional.Data;
using HybridSim.Sweeps.Accuracy;
using HybridSim.Pipeline;

namespace HybridSim.Sweeps;

/// <summary>The real <see cref="SweepBackend"/>: each point through <see cref="RunPipeline.Run"/>, keys from file contents and the simulator build.</summary>
public static class PipelineBackend
{
    /// <param name="accuracy">The accuracy half, or null for cost only.</param>
    public static SweepBackend Create(AccuracyRequest? accuracy = null)
    {
        var backend = new SweepBackend(
            point => RunPipeline.Run(new RunRequest(point.ArchitecturePath, point.Overrides, point.Workload, point.Partition)).Report,
            ArchitectureFingerprint,
            WorkloadFingerprint,
            ModelVersion())
        {
            CheckOverrides = (architecture, overrides) => SpecComposer.Compose(architecture, overrides),
        };
        if (accuracy is null)
        {
            return backend;
        }

        var measure = new PointAccuracy(accuracy);
        return backend with
        {
            MeasureAccuracy = (point, folder) => measure.Measure(point, accuracy.Recovery is null ? null : folder),
            AccuracyFingerprint = accuracy.Canonical(WeightsFingerprint(accuracy.Weights), DataFingerprint(accuracy.Data)),
        };
    }

    /// <summary>Digest of a weights file.</summary>
    public static string WeightsFingerprint(string path)
    {
        if (!File.Exists(path))
        {
            throw new SpecException(new SpecError(path, 0, 0, "--weights", "weights file not found"));
        }

        return Digest([path], InputFile.MaxDataBytes, "--weights");
    }

    /// <summary>Digest of what <c>--data</c> names: a file, the files of a folder, or a known name's folder; the embedded
    /// digits are part of the model version.</summary>
    public static string DataFingerprint(string data)
    {
        // Known names come first, as the loader reads them.
        if (data == DatasetLoader.Digits)
        {
            return "embedded-digits";
        }

        var path = data == DatasetLoader.FashionMnist ? DatasetLoader.FashionMnistFolder : data;
        if (File.Exists(path))
        {
            return Digest([path], InputFile.MaxDataBytes, "--data");
        }

        if (Directory.Exists(path))
        {
            return Digest(Directory.GetFiles(path).Order(StringComparer.Ordinal), InputFile.MaxDataBytes, "--data");
        }

        throw new SpecException(new SpecError(data, 0, 0, "--data", "no such file, folder or known data set (digits, fashion-mnist)"));
    }

    /// <summary>
    /// Digest of the architecture file and of every file it pulls in through <c>extends</c>/<c>include</c> (as the
    /// composer reads them), so editing a base file gives new keys too. When the file cannot be composed (the point
    /// will fail with the composer's message anyway), every YAML file in its folder is digested instead. Files are named
    /// by their path relative to the architecture file's folder, and the architecture file itself by no name at all, so
    /// the digest is the same however the path is spelled or from wherever the sweep runs.
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

        var top = Path.GetFullPath(path);
        var home = Path.GetDirectoryName(top)!;
        return Digest(files, InputFile.MaxSpecificationBytes, "--arch", file => file == top ? "" : Path.GetRelativePath(home, file).Replace('\\', '/'));
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

        // Content only: a bare name, a relative and an absolute path of one file are one workload.
        return Digest([file], InputFile.MaxSpecificationBytes, "--workload", _ => "");
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

    /// <summary>SHA-256 over each file's name (as <paramref name="name"/> gives it; default: the file name) and its bytes,
    /// read through the bounded input reader (regular files of at most <paramref name="maxBytes"/>).</summary>
    private static string Digest(IEnumerable<string> files, long maxBytes, string field, Func<string, string>? name = null)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            hash.AppendData(Encoding.UTF8.GetBytes((name ?? Path.GetFileName)(file) + "\n"));
            hash.AppendData(InputFile.ReadAllBytes(file, maxBytes, field));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
