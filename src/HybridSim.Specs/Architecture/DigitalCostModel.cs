namespace HybridSim.Specs.Architecture;

/// <summary>How a digital MVMU's latency and energy per MVM are obtained.</summary>
public enum DigitalCostModel
{
    /// <summary>Fixed latency and energy per MVM from a table (PUMA's <c>constants_digital.py</c>): component <c>mvmu</c>, action <c>mvm</c>.</summary>
    Table,

    /// <summary>Per row pass: <c>sram</c> read of one weight row plus <c>mac</c> × Macs; latency CyclesPerRowPass per output element.</summary>
    PerMac,
}
