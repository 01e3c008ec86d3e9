using HybridSim.Functional.Layers;
using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Functional.Weights;
using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Network;

public sealed class FunctionalNetworkTests
{
    [Theory]
    [InlineData("mlp-mnist", 2)]
    [InlineData("resnet20-cifar", 2)]
    [InlineData("mobilenetv2-cifar", 2)]
    [InlineData("vgg16-cifar", 2)]
    [InlineData("resnet18-cifar", 1)]
    public void A_zoo_workload_runs_forward_and_backward(string name, int batch)
    {
        var workload = Load(name);
        var network = FunctionalNetwork.Create(workload);
        network.Initialize(1);
        var shape = workload.InputShape;
        var input = Random(batch, shape.Channels, shape.Height, shape.Width, 2);

        var logits = network.Forward(input, ForwardMode.Training);
        var grad = logits.ZerosLike();
        var loss = SoftmaxCrossEntropy.Loss(logits, new int[batch], grad);
        network.Backward(grad);

        var classes = workload.Layers[^1].OutputShape.Channels;
        Assert.Equal((batch, classes, 1, 1), (logits.N, logits.C, logits.H, logits.W));
        Assert.True(float.IsFinite(loss));
        var first = network.Parameters[0];
        Assert.Contains(first.Grad, g => g != 0f);
        Assert.All(network.Parameters, p => Assert.All(p.Grad, g => Assert.True(float.IsFinite(g), p.Name)));
        Assert.Equal(workload.ParameterCount, network.Parameters.Where(p => !p.IsBuffer).Sum(p => (long)p.Length));
    }

    [Fact]
    public void Parameters_are_named_and_shaped_as_pytorch_names_them()
    {
        var network = FunctionalNetwork.Create(Load("resnet20-cifar"), new Dictionary<string, int> { ["fc"] = 3, ["conv1"] = 2 });

        var names = network.Parameters.Take(8).Select(p => p.ToString());

        Assert.Equal(
            ["conv1.weight (16, 3, 3, 3)", "conv1.lobranch_a (2, 27)", "conv1.lobranch_b (16, 2)", "bn1.weight (16)", "bn1.bias (16)", "bn1.running_mean (16)", "bn1.running_var (16)", "s1.b0.conv1.weight (16, 16, 3, 3)"],
            names);
        Assert.Equal([3, 64], network.Parameter("fc.lobranch_a").Shape.ToArray());
        Assert.Equal([10, 3], network.Parameter("fc.lobranch_b").Shape.ToArray());
        Assert.True(network.Parameter("bn1.running_var").IsBuffer);
        Assert.True(network.Parameter("fc.bias").DecayExempt);
        Assert.False(network.Parameter("fc.weight").DecayExempt);
    }

    [Fact]
    public void Initialize_is_deterministic_and_starts_branches_at_zero()
    {
        var workload = Load("resnet20-cifar");
        var ranks = new Dictionary<string, int> { ["s1.b0.conv1"] = 4 };
        var a = FunctionalNetwork.Create(workload, ranks);
        var b = FunctionalNetwork.Create(workload, ranks);
        a.Initialize(7);
        b.Initialize(7);

        Assert.Equal(a.SaveWeights().SelectMany(t => t.Data), b.SaveWeights().SelectMany(t => t.Data));
        Assert.All(a.Parameter("s1.b0.conv1.lobranch_b").Value, v => Assert.Equal(0f, v));
        Assert.Contains(a.Parameter("s1.b0.conv1.lobranch_a").Value, v => v != 0f);
        var weights = a.Parameter("s2.b0.conv1.weight").Value;
        var std = Math.Sqrt(weights.Average(v => (double)v * v));
        Assert.InRange(std, 0.8 * Math.Sqrt(2.0 / 144), 1.2 * Math.Sqrt(2.0 / 144));
    }

    [Fact]
    public void SaveWeights_then_LoadWeights_round_trips()
    {
        var workload = Load("mlp-mnist");
        var a = FunctionalNetwork.Create(workload);
        a.Initialize(3);
        var b = FunctionalNetwork.Create(workload);

        b.LoadWeights(a.SaveWeights(), "w.npz");

        Assert.Equal(a.Parameter("fc2.weight").Value, b.Parameter("fc2.weight").Value);
    }

    [Fact]
    public void LoadWeights_reports_every_missing_extra_and_misshapen_tensor_at_once()
    {
        var network = FunctionalNetwork.Create(Load("mlp-mnist"));
        var arrays = network.SaveWeights()
            .Where(a => a.Name != "fc2.bias")
            .Select(a => a.Name == "fc1.weight" ? new NamedArray(a.Name, [512, 785], new float[512 * 785]) : a)
            .Append(new NamedArray("fc4.weight", [10], new float[10]))
            .ToList();

        var error = Assert.Throws<SpecException>(() => network.LoadWeights(arrays, "w.npz"));

        Assert.Equal(3, error.Errors.Length);
        var shape = Assert.Single(error.Errors, e => e.Path == "fc1.weight");
        Assert.Equal("shape (512, 785) does not match the expected (512, 784) of layer 'fc1'", shape.Message);
        Assert.Equal("w.npz", shape.File);
        var missing = Assert.Single(error.Errors, e => e.Path == "fc2.bias");
        Assert.StartsWith("missing tensor 'fc2.bias', expected shape (512)", missing.Message, StringComparison.Ordinal);
        var extra = Assert.Single(error.Errors, e => e.Path == "fc4.weight");
        Assert.StartsWith("unexpected tensor 'fc4.weight' (the workload has no such parameter; expected one of fc1.weight", extra.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadWeights_wants_the_branch_tensors_a_rank_asks_for()
    {
        var workload = Load("mlp-mnist");
        var plain = FunctionalNetwork.Create(workload).SaveWeights();
        var branched = FunctionalNetwork.Create(workload, new Dictionary<string, int> { ["fc3"] = 2 });

        var error = Assert.Throws<SpecException>(() => branched.LoadWeights(plain, "w.npz"));

        Assert.Equal(["fc3.lobranch_a", "fc3.lobranch_b"], error.Errors.Select(e => e.Path));
    }

    [Fact]
    public void An_interceptor_can_replace_and_observe_layer_outputs()
    {
        var network = FunctionalNetwork.Create(Load("mlp-mnist"));
        network.Initialize(1);
        var interceptor = new ZeroingInterceptor("fc2");

        var logits = network.Forward(Random(2, 1, 28, 28, 5), ForwardMode.Inference, interceptor);

        Assert.Equal(["flatten", "fc1", "fc2", "fc3"], interceptor.Observed);
        // fc2's output is replaced by zeros and fc3's bias is zero, so the logits are zero.
        Assert.All(logits.Data, v => Assert.Equal(0f, v));
        network.Backward(logits.ZerosLike());
    }

    [Fact]
    public void A_training_step_is_bitwise_identical_on_one_thread_and_on_all()
    {
        var workload = GradientCheckWorkload();
        var input = Random(16, 3, 8, 8, 11);
        var parallel = Step(workload, input);
        float[][] single;
        try
        {
            Parallelism.MaxDegreeOfParallelism = 1;
            single = Step(workload, input);
        }
        finally
        {
            Parallelism.MaxDegreeOfParallelism = -1;
        }

        Assert.Equal(single, parallel);
    }

    private static float[][] Step(WorkloadSpec workload, Tensor input)
    {
        var network = FunctionalNetwork.Create(workload, new Dictionary<string, int> { ["c1"] = 2 });
        network.Initialize(5);
        var logits = network.Forward(input, ForwardMode.Training);
        var grad = logits.ZerosLike();
        SoftmaxCrossEntropy.Loss(logits, [.. Enumerable.Range(0, input.N).Select(i => i % 4)], grad);
        network.Backward(grad);
        return [.. network.Parameters.Select(p => p.Grad.Concat(p.Value).ToArray())];
    }

    private static WorkloadSpec GradientCheckWorkload() => WorkloadLoader.Parse("""
        name: small
        input: [3, 8, 8]
        layers:
          - {name: c1, kind: conv, out_channels: 8, kernel: 3, padding: 1}
          - {name: bn1, kind: batchnorm}
          - {name: r1, kind: activation, activation: relu}
          - {name: c2, kind: conv, out_channels: 8, kernel: 3, padding: 1, groups: 8}
          - {name: add, kind: add, inputs: [c2, r1]}
          - {name: pool, kind: maxpool, kernel: 2}
          - {name: gap, kind: global_avgpool}
          - {name: fc, kind: fc, out_features: 4}
        """, "small.yaml");

    private static WorkloadSpec Load(string name) => WorkloadLoader.Load(Path.Combine(RepositoryPaths.Root, "workloads", name + ".yaml"));

    private static Tensor Random(int n, int c, int h, int w, int seed)
    {
        var t = new Tensor(n, c, h, w);
        var random = new Random(seed);
        for (var i = 0; i < t.Length; i++)
        {
            t.Data[i] = (float)random.NextDouble();
        }

        return t;
    }

    private sealed class ZeroingInterceptor(string layer) : ILayerInterceptor
    {
        public List<string> Observed { get; } = [];

        public Tensor? Intercept(LayerSpec spec, int index, IReadOnlyList<Tensor> inputs) =>
            spec.Name == layer ? new Tensor(inputs[0].N, spec.OutputShape.Channels, 1, 1) : null;

        public void Observe(LayerSpec spec, int index, IReadOnlyList<Tensor> inputs, Tensor output) => Observed.Add(spec.Name);
    }
}
