using System.Collections.Immutable;
using System.Globalization;
using HybridSim.Compiler.Dataflow;
using HybridSim.Isa;
using HybridSim.Specs.Workloads;

namespace HybridSim.Compiler.Scheduling;

internal sealed partial class ProgramScheduler
{
    private abstract class CoreAgent(CoreSlot core) : Agent
    {
        public CoreSlot Core { get; } = core;
    }
}
