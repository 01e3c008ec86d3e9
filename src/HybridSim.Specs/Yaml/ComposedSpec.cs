using System.Collections.Immutable;

namespace HybridSim.Specs.Yaml;

/// <summary>A specification after <c>extends</c>/<c>include</c>, <c>--set</c> and <c>${variable}</c> substitution.</summary>
/// <param name="Root">The merged top-level mapping, without the <c>extends</c>, <c>include</c> and <c>variables</c> keys.</param>
/// <param name="Variables">Every variable's final value (after overrides), sorted by name.</param>
/// <param name="Files">The files read, the requested file first, then its bases in the order read.</param>
public sealed record ComposedSpec(
    SpecMapping Root,
    ImmutableSortedDictionary<string, string> Variables,
    ImmutableArray<string> Files);
