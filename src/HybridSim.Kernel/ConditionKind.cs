namespace HybridSim.Kernel;

/// <summary>Whether a <see cref="Condition"/> waits for all of its events or for any one.</summary>
public enum ConditionKind
{
    All,
    Any,
}
