using HybridSim.Specs.Architecture;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler;

/// <summary>
/// Compiles a workload for an architecture under a partition: maps weight matrices onto MVMUs, places them on cores and
/// tiles, and emits per-core and per-tile programs whose dataflow is synchronised by shared-memory valid bits.
/// </summary>
public static class ProgramCompiler
{
    /// <exception cref="HybridSim.Specs.Validation.SpecException">The partition is invalid for the workload, or the
    /// mapping needs more than a fixed capacity of the architecture (tiles, shared memory, register file).</exception>
    public static CompiledProgram Compile(ArchitectureSpec architecture, WorkloadSpec workload, PartitionSpec partition)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(workload);
        ArgumentNullException.ThrowIfNull(partition);
        throw new NotSupportedException("compiler body lands in the next commit");
    }
}
