namespace HybridSim.Activity;

/// <summary>Kinds of timed units whose busy time the ledger accumulates, for utilizations.</summary>
public enum UnitKind
{
    AnalogMvmu,
    DigitalMvmu,
    Alu,
    SharedMemory,
    Link,
    Core,
}
