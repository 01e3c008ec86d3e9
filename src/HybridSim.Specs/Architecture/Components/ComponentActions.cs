namespace HybridSim.Specs.Architecture;

/// <summary>
/// Action names the hardware counts components under, and the keys of a component's <c>energy:</c> table
/// (<see cref="ComponentCatalogue"/> says which component counts which). The ALU actions are the lower-case
/// <c>AluOp</c> names (HybridSim.Isa); a Hardware test keeps the two in step.
/// </summary>
public static class ComponentActions
{
    /// <summary>The default action: a scalar <c>energy:</c> is the energy of an access, and an action with no figure of
    /// its own is priced as one access (<see cref="ComponentSpec.Energy"/>).</summary>
    public const string Access = ComponentSpec.DefaultAction;
    public const string Read = "read";
    public const string Write = "write";
    public const string Mvm = "mvm";
    public const string Mac = "mac";

    /// <summary>One weight read out of an SRAM-CIM macro for a MAC (dense packing, docs/model.md 3.3).</summary>
    public const string WeightRead = "weight_read";
    public const string Cycle = "cycle";
    public const string Flit = "flit";
    public const string Packet = "packet";
    public const string Add = "add";
    public const string Sub = "sub";
    public const string Mul = "mul";
    public const string Max = "max";
    public const string Relu = "relu";
    public const string Relu6 = "relu6";
    public const string Sigmoid = "sigmoid";
    public const string Tanh = "tanh";

    /// <summary>An ALU divide: priced by PUMA's table, counted by nothing (the ISA has no divide).</summary>
    public const string Div = "div";
}
