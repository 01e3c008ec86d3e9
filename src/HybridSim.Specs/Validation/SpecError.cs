namespace HybridSim.Specs.Validation;

/// <summary>One problem found in an input file; problems are collected and reported together.</summary>
/// <param name="File">Path of the file as the user gave it.</param>
/// <param name="Line">1-based line, 0 when unknown.</param>
/// <param name="Column">1-based column, 0 when unknown.</param>
/// <param name="Path">Dotted path of the field (e.g. <c>tiles.analog.core.mvmu.adc_bits</c>).</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record SpecError(string File, int Line, int Column, string Path, string Message)
{
    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}: {Path}: {Message}" : $"{File}: {Path}: {Message}";
}
