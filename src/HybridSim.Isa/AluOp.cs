namespace HybridSim.Isa;

/// <summary>Vector ALU operations (alu and alui).</summary>
public enum AluOp
{
    Add,
    Sub,
    Mul,
    Max,
    Relu,
    Relu6,
    Sigmoid,
    Tanh,
}

/// <summary>What the core needs to know about an ALU operation.</summary>
public static class AluOpExtensions
{
    /// <summary>Whether the operation reads one source (the activations) rather than two.</summary>
    public static bool IsUnary(this AluOp op) => op is AluOp.Relu or AluOp.Relu6 or AluOp.Sigmoid or AluOp.Tanh;
}
