namespace HybridSim.Specs.Workloads;

/// <summary>A workload as read from the file, before graph checks and shape inference.</summary>
internal sealed class WorkloadDraft
{
    public WorkloadDraft(string sourceFile)
    {
        SourceFile = sourceFile;
    }

    public string SourceFile { get; }

    public string? Name { get; set; }

    public TensorShape? InputShape { get; set; }

    public DatasetSpec? Dataset { get; set; }

    public List<LayerDraft> Layers { get; } = [];
}
