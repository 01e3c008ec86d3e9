namespace HybridSim.Functional.Inference;

/// <summary>
/// One step of the bit-serial input stream: bits [Shift, Shift + Width) of the I-bit pattern, driven through the DACs
/// and weighted by Weight in the shift-and-add (negative for the two's-complement sign bit).
/// </summary>
public readonly record struct InputStep(int Shift, int Width, double Weight)
{
    /// <summary>
    /// The steps of an I-bit input through D-bit DACs. Unsigned: bits in chunks of D from the least significant.
    /// Signed: the I - 1 magnitude bits in chunks of D, then the sign bit alone, weighted -2^(I-1) (with 1-bit DACs,
    /// PUMA's case, this is exactly the I steps of docs/model.md, "Functional model").
    /// </summary>
    public static InputStep[] For(int inputBits, int dacBits, bool signed)
    {
        var steps = new List<InputStep>();
        var magnitude = signed ? inputBits - 1 : inputBits;
        for (var shift = 0; shift < magnitude; shift += dacBits)
        {
            steps.Add(new InputStep(shift, Math.Min(dacBits, magnitude - shift), Math.ScaleB(1.0, shift)));
        }

        if (signed)
        {
            steps.Add(new InputStep(inputBits - 1, 1, -Math.ScaleB(1.0, inputBits - 1)));
        }

        return [.. steps];
    }
}
