using System.CommandLine;
using HybridSim.Functional.Inference;

namespace HybridSim.Cli.Commands;

/// <summary>Options of the accuracy verbs (<c>evaluate</c>, <c>infer</c>) beyond the point: weights, data, seed, limit, path.
/// <paramref name="floatPath"/> adds <c>--path float</c> (the float network, no chip: for comparing logits with other frameworks).</summary>
internal sealed class FunctionalOptions(bool required = true, bool floatPath = false)
{
    /// <summary>The <c>--path</c> value of the float network.</summary>
    public const string FloatPath = "float";

    public Option<string> Weights { get; } = new("--weights") { Description = "Trained weights (.npz, tensor names as in docs/pytorch.md)", Required = required };

    public Option<string> Data { get; } = new("--data") { Description = "Data: a file, a folder, or a known name (digits, fashion-mnist)", Required = required };

    public Option<ulong> Seed { get; } = new("--seed") { Description = "Seed of the first programmed chip (instances use seeds derived from it)", DefaultValueFactory = _ => 1 };

    public Option<int?> Limit { get; } = new("--limit") { Description = "Evaluate only the first K test samples" };

    public Option<string> Path { get; } = new("--path")
    {
        Description = "Analog arithmetic: exact (bit-serial with the real ADC, the reference) or fast (effective weights, ideal ADC except on row blocks of few rows)"
            + (floatPath ? "; or float (the float network, no quantization, no chip)" : ""),
        DefaultValueFactory = _ => "exact",
    };

    /// <summary>Not added by <see cref="AddTo"/>: only the verbs that measure accuracy take it (<see cref="AddPathCheckTo"/>).</summary>
    public Option<int> PathCheck { get; } = new("--path-check")
    {
        Description = "With --path fast: also run the exact path on the first K test samples of the first chip and warn when the two accuracies differ by more than 1 point (0: no check)",
        DefaultValueFactory = _ => HybridSim.Functional.Evaluation.PathCheck.DefaultSamples,
    };

    public void AddPathCheckTo(Command command) => command.Options.Add(PathCheck);

    /// <summary>--path-check, or null (after a message) when negative.</summary>
    public int? ReadPathCheck(ParseResult parse, TextWriter error)
    {
        var samples = parse.GetValue(PathCheck);
        if (samples < 0)
        {
            error.WriteLine("error: --path-check must be 0 (no check) or a number of test samples");
            return null;
        }

        return samples;
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Weights);
        command.Options.Add(Data);
        command.Options.Add(Seed);
        command.Options.Add(Limit);
        command.Options.Add(Path);
        Path.AcceptOnlyFromAmong(floatPath ? ["exact", "fast", FloatPath] : ["exact", "fast"]);
    }

    public bool TryRead(ParseResult parse, TextWriter error, out InferencePath path, out int? limit)
    {
        path = parse.GetValue(Path) == "fast" ? InferencePath.Fast : InferencePath.Exact;
        limit = parse.GetValue(Limit);
        if (limit is < 1)
        {
            error.WriteLine("error: --limit must be at least 1");
            return false;
        }

        return true;
    }
}
