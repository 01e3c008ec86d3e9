using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Workloads;

/// <summary>
/// Loads a workload file (schema: <c>workloads/README.md</c>) into a validated <see cref="WorkloadSpec"/>, or throws a
/// <see cref="SpecException"/> listing every problem at <c>file:line:column: path: message</c>.
/// </summary>
public static class WorkloadLoader
{
    /// <summary>Loads a workload from a path, or from a bare name such as <c>resnet20-cifar</c> (see <see cref="WorkloadLocator"/>).</summary>
    public static WorkloadSpec Load(string fileOrName)
    {
        var path = WorkloadLocator.Resolve(fileOrName);
        return FromMapping(YamlDocumentReader.ReadMapping(path), path);
    }

    /// <summary>Loads a workload from YAML text; <paramref name="file"/> names it in errors.</summary>
    public static WorkloadSpec Parse(string yaml, string file) =>
        FromMapping(YamlDocumentReader.ParseMapping(yaml, file), file);

    private static WorkloadSpec FromMapping(SpecMapping root, string file)
    {
        var errors = new SpecErrorList();
        var draft = WorkloadReader.Read(root, file, errors);
        var spec = WorkloadGraphBuilder.Build(draft, errors);
        errors.ThrowIfAny();
        return spec ?? throw new InvalidOperationException($"workload '{file}' failed to build without reporting an error");
    }
}
