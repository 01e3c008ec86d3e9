using System.Globalization;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Network;

/// <summary>
/// What training or running a workload in the accuracy half will cost, estimated from the workload alone before any
/// array is allocated: parameters, activations and im2col scratch per sample, and multiply-accumulates (MACs) per
/// sample. <c>train</c>, <c>evaluate</c>, <c>infer</c> and <c>recover</c> check it against the limits here and refuse
/// with exit 1, the figure and the option to change; docs/robustness.md, "Limits of the accuracy half", has the table.
/// </summary>
/// <param name="Parameters">Trainable parameters (LoBranch branches included when the network has them).</param>
/// <param name="ActivationsPerSample">Values of every layer's output for one sample, the input included.</param>
/// <param name="ScratchPerSample">The largest im2col matrix of one sample (conv layers' rows times output pixels).</param>
/// <param name="MacsPerSample">Multiply-accumulates of one sample's forward pass through the weight layers.</param>
public sealed record FunctionalFootprint(string Workload, long Parameters, long ActivationsPerSample, long ScratchPerSample, long MacsPerSample)
{
    /// <summary>Most parameters a network may have (400 MB as float32; resnet18-imagenet has 11.7 million).</summary>
    public const long MaxParameters = ModelLimits.MaxParameters;

    /// <summary>
    /// Most memory one accuracy verb may plan to use (or what the machine can give, if less): 8 GiB, room for the
    /// largest shipped workload (resnet18-imagenet evaluated in batches of 64, an estimated 6 GB) and nothing far past it.
    /// </summary>
    public const long MaxBytes = 8L << 30;

    /// <summary>
    /// Most work (MAC-equivalents, see <see cref="MacsPerSecond"/>) one verb may plan: a week at that rate. Beyond it
    /// (e.g. <c>--epochs 1000000000</c>) the verb is refused; above a minute it prints its estimate first.
    /// </summary>
    public const double MaxWork = MacsPerSecond * 7 * 24 * 3600;

    /// <summary>
    /// MAC-equivalents per second assumed for time estimates, on the 2-core development machine. Rough, and not measured
    /// here: estimates are for orders of magnitude and for "this will take a while". With <see cref="ConversionsPerMac"/>
    /// it puts the default exact <c>evaluate</c> of resnet20-fashion (10,000 images) at about an hour, against the 42
    /// minutes issue 24 reports.
    /// </summary>
    public const double MacsPerSecond = 1e9;

    /// <summary>
    /// Exact-path conversions (an analog MAC's input steps times weight slices) that cost one MAC-equivalent: the
    /// exact path converts a whole column block per step in one vector pass. Calibrated with <see cref="MacsPerSecond"/>.
    /// </summary>
    public const double ConversionsPerMac = 16;

    /// <summary>Bytes per parameter while training: the weight, its gradient and Adam's two moments, as float32.</summary>
    private const long TrainingBytesPerParameter = 16;

    /// <summary>Bytes per activation while training: the output kept for the backward pass, its gradient, the pre-activation.</summary>
    private const long TrainingBytesPerActivation = 12;

    /// <summary>Bytes per weight while evaluating: the float network, the quantized and the ideal and programmed effective weights.</summary>
    private const long InferenceBytesPerParameter = 28;

    public static FunctionalFootprint Of(WorkloadSpec workload, IReadOnlyDictionary<string, int>? branchRanks = null)
    {
        ArgumentNullException.ThrowIfNull(workload);
        long parameters = 0, activations = workload.InputShape.Elements, scratch = 0, macs = 0;
        foreach (var l in workload.Layers)
        {
            var pixels = (long)l.OutputShape.Height * l.OutputShape.Width;
            parameters = Add(parameters, l.ParameterCount);
            activations = Add(activations, l.OutputShape.Elements);
            if (l.HasWeights)
            {
                macs = Add(macs, Mul(l.WeightCount, pixels));
                if (l.Kind == LayerKind.Conv)
                {
                    scratch = Math.Max(scratch, Mul(Mul(l.MatrixRows, l.Groups), pixels));
                }

                if (branchRanks is not null && branchRanks.TryGetValue(l.Name, out var rank) && rank > 0)
                {
                    var branch = Mul(rank, Add(l.BranchInputs, l.OutChannels));
                    parameters = Add(parameters, branch);
                    macs = Add(macs, Mul(branch, pixels));
                }
            }
        }

        return new FunctionalFootprint(workload.Name, parameters, activations, scratch, macs);
    }

    /// <summary>Refuses a network of more than <see cref="MaxParameters"/> parameters, before it is created.</summary>
    public void CheckParameters(string file)
    {
        if (Parameters > MaxParameters)
        {
            throw new SpecException(new SpecError(file, 0, 0, "layers", string.Create(CultureInfo.InvariantCulture,
                $"workload '{Workload}' has {Parameters:N0} parameters; the accuracy half handles at most {MaxParameters:N0} (the float32 weights alone would be {Parameters * 4L / (1 << 20):N0} MiB): make the layers smaller")));
        }
    }

    /// <summary>Estimated peak bytes of training with batches of <paramref name="batch"/> over <paramref name="datasetValues"/> pixel values.</summary>
    public double TrainingBytes(int batch, long datasetValues) =>
        ((double)TrainingBytesPerParameter * Parameters) + ((double)batch * ((TrainingBytesPerActivation * (double)ActivationsPerSample) + (8.0 * ScratchPerSample))) + (8.0 * datasetValues);

    /// <summary>Estimated peak bytes of fixed-point inference: weights (with <paramref name="cellsPerWeight"/> programmed cells each on the exact path), one batch, the data.</summary>
    /// <remarks>8 bytes per activation of the batch: a layer's output, and the ideal reference copy evaluate keeps of it.</remarks>
    public double InferenceBytes(int batch, long datasetValues, int cellsPerWeight) =>
        (((double)InferenceBytesPerParameter + (4.0 * cellsPerWeight)) * Parameters) + ((double)batch * ((8.0 * ActivationsPerSample) + (8.0 * ScratchPerSample))) + (8.0 * datasetValues);

    /// <summary>Training work: forward and backward (three times the forward MACs) for every sample of every epoch.</summary>
    public double TrainingWork(long samples, int epochs) => 3.0 * MacsPerSample * samples * epochs;

    /// <summary>
    /// Evaluation work: the float and the ideal fixed-point passes, then per chip the ideal reference and the chip's own
    /// pass; on the exact path a chip's analog MACs count once per input step and weight slice (each is an ADC conversion).
    /// </summary>
    /// <param name="conversions">Input steps times weight slices on the exact path; 0 on the fast path.</param>
    public double EvaluationWork(long samples, int instances, int conversions) =>
        (double)MacsPerSample * samples * (2.0 + (instances * (1.0 + Math.Max(1.0, conversions / ConversionsPerMac))));

    /// <summary>
    /// Refuses work over <see cref="MaxWork"/> or memory over the limit (the smaller of <see cref="MaxBytes"/> and
    /// <paramref name="availableBytes"/>), naming the figure and <paramref name="workOption"/> or
    /// <paramref name="memoryOption"/>; returns the estimated seconds (callers print it when over a minute).
    /// </summary>
    public double Check(string file, string verb, double bytes, string memoryOption, double work, string workOption, long availableBytes)
    {
        var limit = Math.Min(MaxBytes, availableBytes);
        var inv = CultureInfo.InvariantCulture;
        if (bytes > limit)
        {
            throw new SpecException(new SpecError(file, 0, 0, memoryOption, string.Create(inv,
                $"{verb} of {Workload} needs an estimated {bytes / (1 << 20):N0} MiB ({Parameters:N0} parameters, {ActivationsPerSample:N0} activations per sample), more than the {limit / (1 << 20):N0} MiB limit: lower {memoryOption} or make the workload smaller")));
        }

        var seconds = work / MacsPerSecond;
        if (work > MaxWork)
        {
            throw new SpecException(new SpecError(file, 0, 0, workOption, string.Create(inv,
                $"{verb} of {Workload} needs an estimated {work:0.###e0} multiply-accumulates (about {Duration(seconds)}), more than the limit of {MaxWork:0.###e0} (about {Duration(MaxWork / MacsPerSecond)}): lower {workOption}")));
        }

        return seconds;
    }

    /// <summary>A duration in words: "42 minutes", "3.5 hours", "12 days", "3,000 years".</summary>
    public static string Duration(double seconds) => seconds switch
    {
        < 120 => string.Create(CultureInfo.InvariantCulture, $"{seconds:0} seconds"),
        < 7200 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:0} minutes"),
        < 172800 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:0.#} hours"),
        < 3.15e7 * 2 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 86400:0} days"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3.15e7:N0} years"),
    };

    private static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    private static long Mul(long a, long b) => a != 0 && b > long.MaxValue / a ? long.MaxValue : a * b;
}
