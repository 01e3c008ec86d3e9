using System.Collections.Immutable;

namespace HybridSim.Compiler.Verification;

public static class ProgramVerifier
{
    public static ImmutableArray<string> Verify(CompiledProgram program) => throw new NotSupportedException();
}
