using HybridSim.Specs.Validation;

namespace HybridSim.Specs.Yaml;

/// <summary>A scalar as written (no type resolution yet: the typed reader decides what it must be).</summary>
public sealed class SpecScalar : SpecNode
{
    public SpecScalar(string file, int line, int column, string value, bool quoted)
        : base(file, line, column)
    {
        Value = value;
        Quoted = quoted;
    }

    public string Value { get; }

    /// <summary>True for single- or double-quoted, literal or folded scalars: never null, never a number by accident.</summary>
    public bool Quoted { get; }

    /// <summary>A plain empty, <c>~</c> or <c>null</c> scalar: present in the file but holding nothing.</summary>
    public bool IsNull => !Quoted && (Value.Length == 0 || Value == "~" || Value == "null" || Value == "Null" || Value == "NULL");

    public override long ExpandedSize => 1;

    public override string KindName => IsNull ? "nothing (null)" : $"'{Excerpt.Of(Value)}'";

    /// <summary>For a value written with <c>${variable}</c>: the variable definition that states it (in whichever file
    /// or <c>--set</c> gave it); null for a value written here.</summary>
    public SpecScalar? DefinedBy { get; init; }

    /// <summary>Where the value was set: the variable definition it comes from, or the scalar itself.</summary>
    public SpecScalar SetAt => DefinedBy ?? this;

    /// <summary>A copy holding another value at the same position (variable substitution).</summary>
    public SpecScalar WithValue(string value) => new(File, Line, Column, value, Quoted);

    public override string ToString() => Value;
}
