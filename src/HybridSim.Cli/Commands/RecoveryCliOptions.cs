using System.CommandLine;
using HybridSim.Functional.Recovery;
using HybridSim.Functional.Training;

namespace HybridSim.Cli.Commands;

/// <summary>The recovery options shared by <c>recover</c> and the accuracy sweeps: method, epochs, rate, batch, training samples.</summary>
internal sealed class RecoveryCliOptions(bool required, bool multitask = false)
{
    public const string MultiTask = "multitask";

    private static TrainingOptions Defaults => RecoveryOptions.DefaultTraining;

    public Option<string?> Recover { get; } = new("--recover")
    {
        Description = "Recovery: retrain (HyperX, the SRAM layers of a freeze-x point, per chip), lobranch (Algorithm 1 then 2), alg1 (noise-aware W, A, B), alg2 (A and B on each chip)"
            + (multitask ? ", or multitask (one branch per --task on one W)" : ""),
        Required = required,
    };

    public Option<int> Epochs { get; } = new("--epochs") { Description = "Recovery training epochs", DefaultValueFactory = _ => Defaults.Epochs };

    public Option<double> LearningRate { get; } = new("--lr") { Description = "Recovery learning rate (Adam)", DefaultValueFactory = _ => Defaults.LearningRate };

    public Option<double> BranchLearningRate { get; } = new("--branch-lr") { Description = "Algorithm 2's learning rate (only A and B train)", DefaultValueFactory = _ => RecoveryOptions.DefaultBranchLearningRate };

    public Option<int> BatchSize { get; } = new("--batch-size") { Description = "Recovery mini-batch size", DefaultValueFactory = _ => Defaults.BatchSize };

    public Option<int> TrainingSeed { get; } = new("--training-seed") { Description = "Seed of the recovery's shuffling", DefaultValueFactory = _ => Defaults.Seed };

    public Option<int?> TrainLimit { get; } = new("--train-limit") { Description = "Recover on the first K training samples only" };

    public void AddTo(Command command)
    {
        Recover.AcceptOnlyFromAmong(multitask ? ["retrain", "lobranch", "alg1", "alg2", MultiTask] : ["retrain", "lobranch", "alg1", "alg2"]);
        command.Options.Add(Recover);
        command.Options.Add(Epochs);
        command.Options.Add(LearningRate);
        command.Options.Add(BranchLearningRate);
        command.Options.Add(BatchSize);
        command.Options.Add(TrainingSeed);
        command.Options.Add(TrainLimit);
    }

    /// <summary>The method (null when --recover is absent) and the training options; false after a usage message.</summary>
    public bool TryRead(ParseResult parse, TextWriter error, out RecoveryMethod? method, out TrainingOptions training, out double branchRate, out int? trainLimit)
    {
        branchRate = parse.GetValue(BranchLearningRate);
        method = parse.GetValue(Recover) is { } text ? RecoveryOptions.Parse(text) : null;
        training = Defaults with
        {
            Epochs = parse.GetValue(Epochs),
            LearningRate = parse.GetValue(LearningRate),
            BatchSize = parse.GetValue(BatchSize),
            Seed = parse.GetValue(TrainingSeed),
        };
        trainLimit = parse.GetValue(TrainLimit);
        if (training.Epochs < 1 || training.BatchSize < 1 || !(training.LearningRate > 0) || !(branchRate > 0) || trainLimit is < 1)
        {
            error.WriteLine("error: --epochs, --batch-size and --train-limit must be at least 1, --lr and --branch-lr above 0");
            return false;
        }

        if (training.Epochs > AccuracyBudget.MaxEpochs || training.BatchSize > AccuracyBudget.MaxBatchSize)
        {
            error.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"error: --epochs must be from 1 to {AccuracyBudget.MaxEpochs} and --batch-size from 1 to {AccuracyBudget.MaxBatchSize}; found {training.Epochs} and {training.BatchSize}"));
            return false;
        }

        return true;
    }
}
