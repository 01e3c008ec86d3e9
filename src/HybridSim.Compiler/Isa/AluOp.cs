namespace HybridSim.Compiler.Isa;

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
