using System.Collections.Immutable;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Yaml;

namespace HybridSim.Specs.Workloads;

/// <summary>
/// Turns a read workload into a <see cref="WorkloadSpec"/>: resolves layer inputs, orders the graph topologically
/// (ties in file order), infers and checks shapes, checks projection shortcuts and numbers the weight layers for
/// freeze-x. Every problem is collected; errors downstream of a broken layer are not repeated.
/// </summary>
internal static partial class WorkloadGraphBuilder
{
    /// <summary>The reserved name of the network input.</summary>
    public const string InputName = "input";

    public static WorkloadSpec? Build(WorkloadDraft draft, SpecErrorList errors)
    {
        var byName = CollectNames(draft, errors);
        var inputs = ResolveInputs(draft, byName, errors);
        var order = TopologicalOrder(draft, inputs, errors);
        if (draft.InputShape is null || order.Count == 0)
        {
            return null;
        }

        var shapes = new Dictionary<string, TensorShape>(StringComparer.Ordinal) { [InputName] = draft.InputShape };
        var specs = new Dictionary<LayerDraft, LayerSpec>();
        foreach (var layer in order)
        {
            var spec = Infer(layer, inputs[layer], shapes, errors);
            if (spec is not null)
            {
                specs[layer] = spec;
                shapes[layer.Name!] = spec.OutputShape;
            }
        }

        CheckShortcuts(order, byName, inputs, errors);
        var complete = order.Count == draft.Layers.Count;
        if (complete)
        {
            CheckDangling(order, inputs, errors);
        }

        if (!complete || errors.HasErrors || specs.Count != order.Count)
        {
            return null;
        }

        return new WorkloadSpec(draft.Name!, draft.SourceFile, draft.InputShape, Number(order, specs, byName)) { Dataset = draft.Dataset };
    }

    private static Dictionary<string, LayerDraft> CollectNames(WorkloadDraft draft, SpecErrorList errors)
    {
        var byName = new Dictionary<string, LayerDraft>(StringComparer.Ordinal);
        foreach (var layer in draft.Layers)
        {
            if (layer.Name is null)
            {
                continue;
            }

            if (layer.Name == InputName)
            {
                errors.Add(layer.Error("name", $"'{InputName}' is reserved for the network input; choose another layer name"));
                layer.Name = null;
            }
            else if (byName.TryGetValue(layer.Name, out var first))
            {
                errors.Add(layer.Error("name", $"duplicate layer name '{layer.Name}' (first used at {first.LocationOf("name")}); layer names must be unique"));
                layer.Name = null;
            }
            else
            {
                byName[layer.Name] = layer;
            }
        }

        return byName;
    }

    /// <summary>Inputs of every usable layer (named, with a kind); the default input is the previous layer in the file.</summary>
    private static Dictionary<LayerDraft, List<LayerInputRef>> ResolveInputs(
        WorkloadDraft draft, Dictionary<string, LayerDraft> byName, SpecErrorList errors)
    {
        var result = new Dictionary<LayerDraft, List<LayerInputRef>>();
        LayerDraft? previous = null;
        var previousBroken = false;
        foreach (var layer in draft.Layers)
        {
            var usable = layer.Name is not null && layer.Kind is not null;
            if (layer.Kind is not null)
            {
                // Inputs of a layer without a usable name are still checked, but it stays out of the graph.
                var refs = ResolveInputsOf(layer, previous, previousBroken, byName, errors);
                if (refs is not null && usable)
                {
                    result[layer] = refs;
                }
            }

            previous = layer;
            previousBroken = !usable;
        }

        return result;
    }

    private static List<LayerInputRef>? ResolveInputsOf(
        LayerDraft layer, LayerDraft? previous, bool previousBroken, Dictionary<string, LayerDraft> byName, SpecErrorList errors)
    {
        var kind = layer.Kind!.Value;
        if (layer.InputsInvalid)
        {
            return null;
        }

        if (layer.Inputs is null)
        {
            if (kind == LayerKind.Add)
            {
                errors.Add(layer.Error("inputs", "an add layer needs 'inputs:' naming the two or more layers it sums"));
                return null;
            }

            if (previous is null)
            {
                return [new LayerInputRef(InputName, layer.Location)];
            }

            // The previous layer has its own error already; do not add a second one here.
            return previousBroken || previous.Name is null ? null : [new LayerInputRef(previous.Name, layer.Location)];
        }

        var ok = true;
        if (kind == LayerKind.Add ? layer.Inputs.Count < 2 : layer.Inputs.Count != 1)
        {
            var expected = kind == LayerKind.Add ? "two or more inputs" : "exactly one input";
            errors.Add(layer.Error("inputs", $"{WorkloadSchema.Article(kind)} layer takes {expected}, found {layer.Inputs.Count}"));
            ok = false;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in layer.Inputs)
        {
            if (input.Name != InputName && !byName.ContainsKey(input.Name))
            {
                var known = byName.Keys.Append(InputName);
                errors.Add(InputError(layer, input, $"unknown input '{input.Name}'{DidYouMean.Hint(input.Name, known)}; inputs name other layers or '{InputName}' (the network input)"));
                ok = false;
            }
            else if (!seen.Add(input.Name))
            {
                errors.Add(InputError(layer, input, $"input '{input.Name}' is listed twice"));
                ok = false;
            }
        }

        return ok ? layer.Inputs : null;
    }

    private static SpecError InputError(LayerDraft layer, LayerInputRef input, string message) =>
        new(input.Location.File, input.Location.Line, input.Location.Column, $"{layer.Path}.inputs", message);

    /// <summary>
    /// Kahn's algorithm, ready layers taken in file order. Layers in a cycle, or downstream of a broken layer, are
    /// left out of the order (cycles are reported here; broken layers were reported when read).
    /// </summary>
    private static List<LayerDraft> TopologicalOrder(
        WorkloadDraft draft, Dictionary<LayerDraft, List<LayerInputRef>> inputs, SpecErrorList errors)
    {
        var nodes = draft.Layers.Where(inputs.ContainsKey).ToList();
        var byName = nodes.ToDictionary(n => n.Name!, StringComparer.Ordinal);
        var pending = new Dictionary<LayerDraft, int>();
        var consumers = nodes.ToDictionary(n => n, _ => new List<LayerDraft>());
        foreach (var node in nodes)
        {
            var count = 0;
            foreach (var input in inputs[node])
            {
                if (input.Name == WorkloadGraphBuilder.InputName)
                {
                    continue;
                }

                if (byName.TryGetValue(input.Name, out var producer))
                {
                    consumers[producer].Add(node);
                }

                // An input that is a broken layer never becomes ready: the node and its consumers stay pending.
                count++;
            }

            pending[node] = count;
        }

        var ready = new SortedSet<LayerDraft>(Comparer<LayerDraft>.Create((a, b) => a.Index.CompareTo(b.Index)));
        ready.UnionWith(nodes.Where(n => pending[n] == 0));
        var order = new List<LayerDraft>(nodes.Count);
        while (ready.Count > 0)
        {
            var next = ready.Min!;
            ready.Remove(next);
            order.Add(next);
            foreach (var consumer in consumers[next])
            {
                if (--pending[consumer] == 0)
                {
                    ready.Add(consumer);
                }
            }
        }

        if (order.Count < nodes.Count)
        {
            ReportCycles(nodes, inputs, byName, order, errors);
        }

        return order;
    }

    private static void ReportCycles(
        List<LayerDraft> nodes,
        Dictionary<LayerDraft, List<LayerInputRef>> inputs,
        Dictionary<string, LayerDraft> byName,
        List<LayerDraft> order,
        SpecErrorList errors)
    {
        var done = new HashSet<LayerDraft>(order);
        var reported = new HashSet<LayerDraft>();
        foreach (var start in nodes.Where(n => !done.Contains(n)))
        {
            // Walk inputs among the stuck layers; a walk either reaches a broken layer (already reported) or a cycle.
            var path = new List<LayerDraft>();
            var onPath = new Dictionary<LayerDraft, int>();
            var current = start;
            while (current is not null && !onPath.ContainsKey(current) && !reported.Contains(current))
            {
                onPath[current] = path.Count;
                path.Add(current);
                current = inputs[current]
                    .Select(i => byName.GetValueOrDefault(i.Name))
                    .FirstOrDefault(p => p is not null && !done.Contains(p));
            }

            if (current is null || reported.Contains(current))
            {
                reported.UnionWith(path);
                continue;
            }

            // The walk went from consumer to producer; reversed, each layer feeds the next. Start at the first in the file.
            var cycle = path.Skip(onPath[current]).Reverse().ToList();
            reported.UnionWith(path);
            var first = cycle.MinBy(l => l.Index)!;
            var at = cycle.IndexOf(first);
            var names = cycle.Skip(at).Concat(cycle.Take(at)).Select(l => l.Name!).ToList();
            names.Add(names[0]);
            errors.Add(first.Error("inputs", $"layers form a cycle: {string.Join(" -> ", names)} (each feeds the next); a layer graph must be acyclic"));
        }
    }

    private static void CheckShortcuts(
        List<LayerDraft> order,
        Dictionary<string, LayerDraft> byName,
        Dictionary<LayerDraft, List<LayerInputRef>> inputs,
        SpecErrorList errors)
    {
        foreach (var layer in order.Where(l => l.ShortcutOf is not null))
        {
            if (!byName.TryGetValue(layer.ShortcutOf!, out var target))
            {
                var weightNames = order.Where(l => l.Kind is LayerKind.Conv or LayerKind.Fc && l.ShortcutOf is null).Select(l => l.Name!);
                errors.Add(layer.Error("shortcut_of", $"unknown layer '{layer.ShortcutOf}'{DidYouMean.Hint(layer.ShortcutOf!, weightNames)}; expected the name of the first conv of the block this projection bypasses"));
            }
            else if (target.Kind is not (LayerKind.Conv or LayerKind.Fc) || target.ShortcutOf is not null)
            {
                errors.Add(layer.Error("shortcut_of", $"'{target.Name}' is {(target.ShortcutOf is not null ? "a projection shortcut itself" : WorkloadSchema.Article(target.Kind!.Value) + " layer")}; expected the first conv of the block this projection bypasses"));
            }
            else if (inputs.TryGetValue(target, out var targetInputs)
                && !targetInputs.Select(i => i.Name).SequenceEqual(inputs[layer].Select(i => i.Name)))
            {
                errors.Add(layer.Error("shortcut_of", $"a projection reads the block input, as the block's first conv '{target.Name}' does ('{string.Join("', '", targetInputs.Select(i => i.Name))}'), but this layer reads '{string.Join("', '", inputs[layer].Select(i => i.Name))}'"));
            }
        }
    }

    /// <summary>Every layer but the last (the network output) must feed another layer.</summary>
    private static void CheckDangling(List<LayerDraft> order, Dictionary<LayerDraft, List<LayerInputRef>> inputs, SpecErrorList errors)
    {
        var used = new HashSet<string>(order.SelectMany(l => inputs[l]).Select(i => i.Name), StringComparer.Ordinal);
        var last = order[^1];
        foreach (var layer in order.Where(l => l != last && !used.Contains(l.Name!)))
        {
            errors.Add(layer.Error("name", $"the output of '{layer.Name}' is never used; only the last layer ('{last.Name}', the network output) may feed nothing"));
        }
    }

    /// <summary>Main-path weight layers numbered 1.. in execution order; a projection takes its block's first conv's number.</summary>
    private static ImmutableArray<LayerSpec> Number(List<LayerDraft> order, Dictionary<LayerDraft, LayerSpec> specs, Dictionary<string, LayerDraft> byName)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var next = 1;
        foreach (var layer in order.Where(l => specs[l].HasWeights && l.ShortcutOf is null))
        {
            index[layer.Name!] = next++;
        }

        return order.Select(layer =>
        {
            var spec = specs[layer];
            if (!spec.HasWeights)
            {
                return spec;
            }

            return layer.ShortcutOf is { } target
                ? spec with { WeightLayerIndex = index[byName[target].Name!], IsProjection = true }
                : spec with { WeightLayerIndex = index[layer.Name!] };
        }).ToImmutableArray();
    }
}
