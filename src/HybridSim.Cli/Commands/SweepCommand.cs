using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Sweeps;
using HybridSim.Sweeps.Accuracy;

namespace HybridSim.Cli.Commands;

/// <summary>
/// <c>hybridsim sweep freeze|rank|grid</c> (docs/sweeps.md): expands the sweep, runs the points in parallel
/// (resuming finished ones), then writes <c>DIR/sweep.csv</c>, <c>DIR/sweep.svg</c> and <c>DIR/breakdown.svg</c>.
/// Exit code 0 when every point ran, 1 when a point failed or input is invalid, 2 on a usage error.
/// </summary>
public static class SweepCommand
{
    public static Command Create(Func<SweepServices>? services = null)
    {
        var get = services ?? SweepServices.Default;
        var command = new Command("sweep", "Run many points (freeze-x, LoBranch rank, or any parameter grid) in parallel into one table and figure.");
        command.Subcommands.Add(Freeze(get));
        command.Subcommands.Add(Rank(get));
        command.Subcommands.Add(Grid(get));
        return command;
    }

    private static Command Freeze(Func<SweepServices> services)
    {
        var common = new CommonOptions();
        var from = new Option<int>("--from") { Description = "First x (default 0)", DefaultValueFactory = _ => 0 };
        var to = new Option<int?>("--to") { Description = "Last x (default: the workload's number of weight layers)" };
        var command = new Command("freeze", "freeze-x for every x from --from to --to: layers 1..x on RRAM, the rest on SRAM; improvements against freeze-0.");
        common.AddTo(command);
        command.Options.Add(from);
        command.Options.Add(to);
        command.SetAction((parse, token) => Task.FromResult(common.Execute(parse, services, s =>
        {
            var workload = common.Workload(parse);
            var layers = s.WeightLayerCount(workload);
            var last = parse.GetValue(to) ?? layers;
            if (last > layers)
            {
                // One usage error, not one failed point per x the workload does not have.
                throw new SpecException(new SpecError("--to", 0, 0, last.ToString(CultureInfo.InvariantCulture),
                    $"{workload} has {layers.ToString(CultureInfo.InvariantCulture)} weight layers, so freeze-x goes up to x = {layers.ToString(CultureInfo.InvariantCulture)}; expected --to <= {layers.ToString(CultureInfo.InvariantCulture)} (or leave --to out)"));
            }

            return SweepDefinition.Freeze(common.Architectures(parse), workload, common.Sets(parse), parse.GetValue(from), last);
        }, token)));
        return command;
    }

    private static Command Rank(Func<SweepServices> services)
    {
        var common = new CommonOptions();
        var ranks = new Option<string>("--ranks") { Description = "Comma-separated ranks, e.g. 0,1,2,4,8 (0 = no branch)", Required = true };
        var command = new Command("rank", "LoBranch rank r for each listed rank; overheads against rank 0, improvements against the all-SRAM freeze-0.");
        common.AddTo(command);
        command.Options.Add(ranks);
        command.SetAction((parse, token) => Task.FromResult(common.Execute(parse, services, _ =>
            SweepDefinition.Rank(common.Architectures(parse), common.Workload(parse), common.Sets(parse), ParseRanks(parse.GetValue(ranks)!)), token)));
        return command;
    }

    private static Command Grid(Func<SweepServices> services)
    {
        var common = new CommonOptions();
        var vary = new Option<string[]>("--vary") { Description = "KEY=V1,V2,...: an architecture variable or dotted path (or freeze/rank) and its values; repeatable, all combinations run", Required = true };
        var freeze = new Option<int?>("--freeze") { Description = "Partition of every point: freeze-X" };
        var rank = new Option<int?>("--rank") { Description = "Partition of every point: LoBranch rank R" };
        var command = new Command("grid", "Every combination of the --vary values (cartesian product); improvements against freeze-0 of the same values.");
        common.AddTo(command);
        command.Options.Add(vary);
        command.Options.Add(freeze);
        command.Options.Add(rank);
        command.SetAction((parse, token) => Task.FromResult(common.Execute(parse, services, _ =>
        {
            var f = parse.GetValue(freeze);
            var r = parse.GetValue(rank);
            if ((f is not null && r is not null) || f < 0 || r < 0)
            {
                throw new SpecException(new SpecError("--freeze/--rank", 0, 0, "", "give at most one of --freeze X or --rank R, with a value >= 0"));
            }

            PartitionSpec? partition = f is int x ? PartitionSpec.Freeze(x) : r is int y ? PartitionSpec.Rank(y) : null;
            return SweepDefinition.Grid(common.Architectures(parse), common.Workload(parse), common.Sets(parse), (parse.GetValue(vary) ?? []).Select(SweepVariable.Parse), partition);
        }, token)));
        return command;
    }

    private static ImmutableArray<int> ParseRanks(string text)
    {
        var ranks = ImmutableArray.CreateBuilder<int>();
        foreach (var part in text.Split(','))
        {
            if (!int.TryParse(part.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var rank))
            {
                throw new SpecException(new SpecError("--ranks", 0, 0, text, $"'{part}' is not a rank; expected comma-separated integers >= 0, e.g. 0,1,2,4,8"));
            }

            ranks.Add(rank);
        }

        return ranks.ToImmutable();
    }

    /// <summary>The options every sweep verb shares and the run itself.</summary>
    private sealed class CommonOptions
    {
        private readonly Option<string[]> _arch = new("--arch") { Description = "Architecture file; repeat to sweep several into one table and figure", Required = true };
        private readonly Option<string> _workload = new("--workload") { Description = "Workload file or bare name (e.g. resnet20-cifar)", Required = true };
        private readonly Option<string[]> _set = new("--set") { Description = "Override KEY=VALUE for every point (dotted path or variable); repeatable" };
        private readonly Option<string> _out = new("--out") { Description = "Output folder: sweep.csv, sweep.svg, breakdown.svg, points/, manifest.json", Required = true };
        private readonly Option<int> _jobs = new("--jobs") { Description = "Points simulated at once (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        private readonly Option<string?> _shard = new("--shard") { Description = "I/N: run only the points at positions I mod N (0 <= I < N); combine folders with 'hybridsim merge'" };
        private readonly FunctionalOptions _functional = new(required: false);
        private readonly RecoveryCliOptions _recovery = new(required: false);
        private readonly Option<bool> _yes = new("--yes") { Description = $"Run a sweep of more than {SweepDefinition.ConfirmPoints} points per process (else: refused; or split it with --shard)" };
        private readonly Option<int> _instances = new("--instances") { Description = "With --weights --data: programmed chips per point (mean and spread)", DefaultValueFactory = _ => 1 };
        private readonly Option<double?> _maxDrop = new("--max-accuracy-drop")
        {
            Description = "With --weights --data: pick and mark the operating point, within D points of accuracy (freeze: largest x against freeze-0; rank: smallest r against the variation-free accuracy); writes choice.json",
        };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _arch, _workload, _set, _out, _jobs, _shard, _yes, _instances, _maxDrop })
            {
                command.Options.Add(option);
            }

            _functional.AddTo(command);
            _recovery.AddTo(command);
        }

        public ImmutableArray<string> Architectures(ParseResult parse) => [.. parse.GetValue(_arch) ?? []];

        public string Workload(ParseResult parse) => parse.GetValue(_workload)!;

        public ImmutableArray<string> Sets(ParseResult parse)
        {
            var sets = parse.GetValue(_set) ?? [];
            var bad = sets.FirstOrDefault(s => s.IndexOf('=', StringComparison.Ordinal) <= 0);
            return bad is null ? [.. sets] : throw new SpecException(new SpecError("--set", 0, 0, bad, "expected KEY=VALUE"));
        }

        public int Execute(ParseResult parse, Func<SweepServices> getServices, Func<SweepServices, SweepDefinition> define, CancellationToken token)
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            SweepServices services;
            SweepDefinition definition;
            ShardSpec shard;
            var jobs = parse.GetValue(_jobs);
            if (OutputTargets.IsEmpty(error, "--out", parse.GetValue(_out)))
            {
                return 2;
            }

            try
            {
                services = getServices();
                shard = parse.GetValue(_shard) is string s ? ShardSpec.Parse(s) : ShardSpec.All;
                if (jobs < 1)
                {
                    throw new SpecException(new SpecError("--jobs", 0, 0, jobs.ToString(CultureInfo.InvariantCulture), "expected at least 1"));
                }

                definition = define(services);
                if (!TryAccuracy(parse, error, definition.Kind, out var accuracy, out var drop))
                {
                    return 2;
                }

                if (accuracy is not null)
                {
                    // Read once here, before any point's cost is simulated: an unreadable or hostile file is one error now,
                    // not one failure per point after minutes of simulation.
                    var inputs = AccuracyBudget.CheckInputs(accuracy.Weights, accuracy.Data, Workload(parse));
                    AccuracyBudget.Sweep(definition, accuracy, inputs, error);
                    var backend = services.AccuracyBackend?.Invoke(accuracy)
                        ?? throw new SpecException(new SpecError("--weights", 0, 0, "", "this build has no accuracy backend"));
                    services = services with { Backend = backend };
                    definition = definition with { MaxAccuracyDrop = drop };
                }
            }
            catch (SpecException e) when (e.Errors.All(x => x.File.StartsWith("--", StringComparison.Ordinal)))
            {
                CliErrors.Print(error, e);
                return 2;
            }
            catch (SpecException e)
            {
                CliErrors.Print(error, e);
                return 1;
            }

            var commandLine = "hybridsim " + string.Join(" ", parse.Tokens.Select(t => t.Value));
            return SweepExecution.Run(definition, services.Backend, parse.GetValue(_out)!, jobs, shard, output, error, token,
                confirmed: parse.GetValue(_yes), command: commandLine.Length > 400 ? commandLine[..400] + "..." : commandLine);
        }

        /// <summary>The accuracy half, when --weights and --data are given; false after a usage message.</summary>
        private bool TryAccuracy(ParseResult parse, TextWriter error, SweepKind kind, out AccuracyRequest? accuracy, out double? drop)
        {
            accuracy = null;
            drop = parse.GetValue(_maxDrop);
            var weights = parse.GetValue(_functional.Weights);
            var data = parse.GetValue(_functional.Data);
            if (!_functional.TryRead(parse, error, out var path, out var limit)
                || !_recovery.TryRead(parse, error, out var method, out var training, out var branchRate, out var trainLimit))
            {
                return false;
            }

            var accuracyOnly = new Option[] { _recovery.Recover, _instances, _maxDrop }.Where(o => parse.GetResult(o) is OptionResult { Implicit: false }).Select(o => o.Name).ToList();
            if (weights is null != data is null || (weights is null && accuracyOnly.Count > 0))
            {
                error.WriteLine($"error: the accuracy half needs both --weights and --data{(accuracyOnly.Count > 0 ? $" ({string.Join(", ", accuracyOnly)} given)" : "")}");
                return false;
            }

            if (parse.GetValue(_instances) is < 1 or > AccuracyBudget.MaxInstances || drop is < 0 || (drop is not null && !double.IsFinite(drop.Value)))
            {
                error.WriteLine($"error: --instances must be from 1 to {AccuracyBudget.MaxInstances} and --max-accuracy-drop a number of points >= 0");
                return false;
            }

            if (drop is not null && kind is not (SweepKind.Freeze or SweepKind.Rank))
            {
                error.WriteLine("error: --max-accuracy-drop picks a freeze or rank operating point; use it with sweep freeze or sweep rank");
                return false;
            }

            if (weights is not null)
            {
                accuracy = new AccuracyRequest(weights, data!, method, training, branchRate, trainLimit, parse.GetValue(_instances), parse.GetValue(_functional.Seed), path, limit);
            }

            return true;
        }
    }
}
