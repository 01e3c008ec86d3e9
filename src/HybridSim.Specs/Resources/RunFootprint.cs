using System.Globalization;
using HybridSim.Specs.Architecture;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Specs.Resources;

/// <summary>
/// What compiling and simulating a workload on an architecture will cost, estimated from the specifications alone
/// (no allocation proportional to the result), so a point that cannot finish is refused before any work:
/// MVMU blocks (each weight matrix cut into crossbar-sized pieces), MVMU operations (blocks times output pixels),
/// vectors (every layer's output pixels and every block's partial sums, in pieces of <see cref="VectorWidth"/>
/// channels), and from them the program's instructions
/// and the memory the compiler and simulator hold for it. The estimate is an upper bound in practice: each MVMU
/// block is sized by the smallest MVMU of the architecture, and depthwise groups are packed as the compiler packs
/// them. docs/robustness.md, "Limits", gives the calibration.
/// </summary>
/// <param name="MvmuBlocks">Crossbar-sized weight blocks, each one MVMU.</param>
/// <param name="MvmuOperations">Block activations of one inference: blocks times the output pixels of their layer.</param>
/// <param name="Vectors">Vectors of up to <see cref="VectorWidth"/> elements one inference moves: layer outputs plus the blocks' partial sums.</param>
/// <param name="Cores">Cores the operations occupy: each weight layer's blocks over the MVMUs of a core, and one per other layer.</param>
/// <param name="CoreChannels">Sum over those cores of their layer's output channels: the compiler keeps per-core tallies of that size.</param>
/// <param name="SchedulingWork">Sum over layers of their estimated instructions times their cores (see <see cref="MaxSchedulingWork"/>).</param>
/// <param name="Heaviest">The layer with the most MVMU operations and vector elements (named in messages), or null without layers.</param>
public sealed record RunFootprint(long MvmuBlocks, long MvmuOperations, long Vectors, long Cores, long CoreChannels, double SchedulingWork, LayerSpec? Heaviest = null)
{
    /// <summary>Channels one counted vector holds.</summary>
    public const int VectorWidth = 128;

    /// <summary>
    /// Instructions per MVMU operation and per vector. Calibrated on the shipped workloads on puma.yaml and
    /// hyperx-128-16b.yaml: the estimate is 1.4 to 6 times the compiled count (resnet18-imagenet on hyperx: 7.1 M
    /// estimated, 2.4 M compiled), never below it.
    /// </summary>
    public const double InstructionsPerMvmuOperation = 2, InstructionsPerVector = 6;

    /// <summary>Bytes the compiler and simulator hold per estimated instruction (resnet18-imagenet on hyperx: about 180 per compiled instruction at the peak, 60 per estimated one).</summary>
    public const long BytesPerInstruction = 200;

    /// <summary>Bytes held per MVMU (its core's share, its weights' mapping, its timelines).</summary>
    public const long BytesPerMvmuBlock = 4096;

    /// <summary>Bytes held per core and output channel (two 32-bit tallies).</summary>
    public const long BytesPerCoreChannel = 8;

    /// <summary>Most estimated instructions one program may have: about 7 times resnet18-imagenet on hyperx (4 s), so under a minute of compiling and simulating.</summary>
    public const long MaxInstructions = 50_000_000;

    /// <summary>
    /// Most scheduling work (each layer's estimated instructions times its cores, summed): the compiler's scheduler
    /// wakes every core reading a buffer whenever the buffer changes, so a mapping that cuts weights into many small
    /// blocks (e.g. <c>cols: 1</c>, many cores per layer) is slow beyond its instruction count. Calibration, with each
    /// matrix cut by the MVMUs of the tile its partition puts it on: the largest shipped point, resnet18-imagenet rank 16
    /// on hyperx-64-8b, is 1.96e8 (15 s, 1 GB); resnet20-cifar on puma with <c>cols: 2</c> 5.5e7 (10 s), with
    /// <c>cols: 1</c> 2.2e8 (66 s, runs); resnet18-cifar with <c>cols: 1</c> 9.5e10 (refused). The model of the
    /// scheduler's cost is rough (its seconds per unit vary 7-fold), so the limit keeps 1.5 times the largest shipped point.
    /// </summary>
    public const double MaxSchedulingWork = 3e8;

    /// <summary>Estimated instructions of the compiled program (all cores and tiles).</summary>
    public long Instructions => (long)Math.Min(long.MaxValue / 2, (InstructionsPerMvmuOperation * MvmuOperations) + (InstructionsPerVector * Vectors));

    /// <summary>Estimated bytes the run holds at its peak.</summary>
    public long Bytes => (long)Math.Min(long.MaxValue / 2, ((double)BytesPerInstruction * Instructions) + ((double)BytesPerMvmuBlock * MvmuBlocks) + ((double)BytesPerCoreChannel * CoreChannels));

    /// <summary>
    /// Estimates the footprint of <paramref name="workload"/> on <paramref name="architecture"/> under a partition:
    /// <paramref name="placements"/> gives, per layer (null for layers without weights), the tile kind holding W and
    /// the rank of its SRAM branch. Each matrix is cut by the MVMUs of the tile that holds it. Without placements every
    /// weight layer is sized by the smallest MVMU of the architecture (an upper bound).
    /// </summary>
    public static RunFootprint Estimate(ArchitectureSpec architecture, WorkloadSpec workload, IReadOnlyList<(TileKind Placement, int BranchRank)?>? placements = null)
    {
        ArgumentNullException.ThrowIfNull(architecture);
        ArgumentNullException.ThrowIfNull(workload);
        if (placements is not null && placements.Count != workload.Layers.Length)
        {
            throw new ArgumentException($"{placements.Count} placements for {workload.Layers.Length} layers", nameof(placements));
        }

        var tiles = new[] { architecture.AnalogTile, architecture.DigitalTile }.Where(t => t is not null).Select(t => t!).ToArray();
        var smallest = new MvmuShape(
            tiles.Length == 0 ? 1 : tiles.Min(t => t.Core.Mvmu.Rows),
            tiles.Length == 0 ? 1 : tiles.Min(t => t.Core.Mvmu.Cols),
            tiles.Length == 0 ? 1 : tiles.Min(t => t.Core.Mvmus));
        MvmuShape Shape(TileKind kind) =>
            (kind == TileKind.Analog ? architecture.AnalogTile : architecture.DigitalTile) is { } tile
                ? new MvmuShape(tile.Core.Mvmu.Rows, tile.Core.Mvmu.Cols, tile.Core.Mvmus)
                : smallest;
        var perOffset = architecture.ConvMapping == ConvMappingPolicy.PerOffset;
        double cores = 0, coreChannels = 0, scheduling = 0;
        double blocks = 0, operations = 0, vectors = 0, heaviestWork = -1;
        LayerSpec? heaviest = null;
        for (var i = 0; i < workload.Layers.Length; i++)
        {
            var layer = workload.Layers[i];
            var pixels = layer.Kind == LayerKind.Fc ? 1 : (double)layer.OutputShape.Height * layer.OutputShape.Width;
            double layerBlocks = 0, layerOperations = 0, layerVectors = pixels * Math.Ceiling((double)layer.OutputShape.Channels / VectorWidth);
            double layerCores = 1;
            if (layer.HasWeights)
            {
                var placement = placements?[i];
                var shape = placement is { } p ? Shape(p.Placement) : smallest;
                var (rowBlocks, columnBlocks) = Blocks(layer, shape.Rows, shape.Cols, perOffset);
                layerBlocks = rowBlocks * columnBlocks;
                // Partial sums: one vector per block and pixel at least (narrow blocks each store their own).
                layerVectors += rowBlocks * Math.Max(columnBlocks, Math.Ceiling((double)layer.OutChannels / VectorWidth)) * pixels;
                layerCores = Math.Ceiling(layerBlocks / shape.PerCore);
                if (placement is { BranchRank: > 0 } branch)
                {
                    // A (r x Kh*Kw*Cin) then B (out x r) on the digital tiles, summed with W's output.
                    var sram = Shape(TileKind.Digital);
                    double inputs = layer.BranchInputs;
                    var a = Math.Ceiling(inputs / sram.Rows) * Math.Ceiling(branch.BranchRank / (double)sram.Cols);
                    var b = Math.Ceiling(branch.BranchRank / (double)sram.Rows) * Math.Ceiling(layer.OutChannels / (double)sram.Cols);
                    layerBlocks += a + b;
                    layerVectors += (a + b) * pixels;
                    layerCores += Math.Ceiling((a + b) / sram.PerCore);
                }

                layerOperations = layerBlocks * pixels;
                coreChannels += layerCores * layer.OutChannels;
            }
            else
            {
                coreChannels += layer.OutputShape.Channels;
            }

            cores += layerCores;
            blocks += layerBlocks;
            operations += layerOperations;
            vectors += layerVectors;
            var work = (InstructionsPerMvmuOperation * layerOperations) + (InstructionsPerVector * layerVectors);
            scheduling += work * layerCores;
            if (work > heaviestWork)
            {
                heaviestWork = work;
                heaviest = layer;
            }
        }

        return new RunFootprint(Clamp(blocks), Clamp(operations), Clamp(vectors), Clamp(cores), Clamp(coreChannels), scheduling, heaviest);
    }

    /// <summary>
    /// Refuses a point whose estimate is over <see cref="MaxInstructions"/> or over the memory the process may use
    /// (<paramref name="availableBytes"/>; by default what the GC reports: the machine's memory or the container's limit).
    /// </summary>
    /// <exception cref="SpecException">Naming the workload file, the estimate and the limit.</exception>
    public static void Check(ArchitectureSpec architecture, WorkloadSpec workload, IReadOnlyList<(TileKind Placement, int BranchRank)?>? placements = null, long? availableBytes = null)
    {
        var footprint = Estimate(architecture, workload, placements);
        var available = availableBytes ?? GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
        var inv = CultureInfo.InvariantCulture;
        var what = string.Create(inv,
            $"{workload.Name} on {architecture.Name} needs an estimated {footprint.Instructions:N0} instructions and {Mib(footprint.Bytes)} of memory ({footprint.MvmuBlocks:N0} MVMU blocks, {footprint.MvmuOperations:N0} MVMU operations and {footprint.Vectors:N0} vectors per inference)");
        if (footprint.Instructions > MaxInstructions)
        {
            throw Error(workload, footprint, string.Create(inv, $"{what}, more than the {MaxInstructions:N0} instructions a run may compile; make the network or its input smaller, or the MVMUs larger"));
        }

        if (footprint.Bytes > available)
        {
            throw Error(workload, footprint, string.Create(inv, $"{what}, more than the {Mib(available)} this machine can give it; make the network or its input smaller, or run it on a larger machine"));
        }

        if (footprint.SchedulingWork > MaxSchedulingWork)
        {
            throw Error(workload, footprint, string.Create(inv, $"{what} on {footprint.Cores:N0} cores, {footprint.SchedulingWork:0.0e0} of scheduling work (each layer's instructions times its cores), more than the {MaxSchedulingWork:0.0e0} a run may take (about a minute); make the MVMUs larger (fewer, larger blocks) or the network smaller"));
        }
    }

    private static (double RowBlocks, double ColumnBlocks) Blocks(LayerSpec layer, int rows, int cols, bool perOffset)
    {
        var groups = Math.Max(1, layer.Kind == LayerKind.Conv ? layer.Groups : 1);
        var kernel = layer.Kind == LayerKind.Conv ? (double)layer.KernelHeight * layer.KernelWidth : 1;
        var channelsPerGroup = layer.Kind == LayerKind.Conv ? (double)layer.InputShape.Channels / groups : layer.InputShape.Elements;
        var outputsPerGroup = (double)layer.OutChannels / groups;
        var offsets = perOffset && kernel > 1;
        var rowsPerGroup = offsets ? channelsPerGroup : kernel * channelsPerGroup;
        if (groups > 1 && rowsPerGroup <= rows && outputsPerGroup <= cols)
        {
            // Block-diagonal packing of small groups (depthwise), as MatrixTiler does.
            var pack = Math.Max(1, Math.Min(Math.Floor(rows / rowsPerGroup), Math.Floor(cols / outputsPerGroup)));
            return ((offsets ? kernel : 1) * Math.Ceiling(groups / pack), 1);
        }

        var rowBlocks = offsets ? kernel * Math.Ceiling(channelsPerGroup / rows) : Math.Ceiling(rowsPerGroup / rows);
        return (groups * rowBlocks, Math.Ceiling(outputsPerGroup / cols));
    }

    /// <summary>The MVMU a matrix is cut by, and how many of them one core holds.</summary>
    private readonly record struct MvmuShape(int Rows, int Cols, int PerCore)
    {
        public int Rows { get; } = Math.Max(1, Rows);

        public int Cols { get; } = Math.Max(1, Cols);

        public int PerCore { get; } = Math.Max(1, PerCore);
    }

    private static long Clamp(double value) => value >= long.MaxValue / 2 ? long.MaxValue / 2 : (long)value;

    private static string Mib(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):N0} MiB");

    /// <summary>The error points at the heaviest layer, the one to shrink first.</summary>
    private static SpecException Error(WorkloadSpec workload, RunFootprint footprint, string message) =>
        new(footprint.Heaviest is { } layer
            ? new SpecError(layer.Location.File, layer.Location.Line, layer.Location.Column, $"layers[{layer.Name}]", $"{message} (the heaviest layer is '{layer.Name}', {layer.OutputShape} outputs)")
            : new SpecError(workload.SourceFile, 0, 0, "layers", message));
}
