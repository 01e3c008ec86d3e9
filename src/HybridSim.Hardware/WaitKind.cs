namespace HybridSim.Hardware;

/// <summary>What a core or tile engine is blocked on, for deadlock reports.</summary>
public enum WaitKind
{
    None,
    WordValid,
    WordInvalid,
    FifoData,
    FifoRoom,
    CoresHalted,
}
