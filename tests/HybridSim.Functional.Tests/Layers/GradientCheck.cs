using HybridSim.Functional.Layers;
using HybridSim.Functional.Network;
using HybridSim.Functional.Tensors;
using HybridSim.Specs.Workloads;

namespace HybridSim.Functional.Tests.Layers;

/// <summary>Central finite differences of f = Σ R ⊙ layer(inputs) against the layer's backward, for every input and
/// parameter element.</summary>
internal static class GradientCheck
{
    public static WorkloadSpec Workload(string layers, string input = "[2, 5, 5]") =>
        WorkloadLoader.Parse($"name: check\ninput: {input}\nlayers:\n{layers}", "check.yaml");

    /// <summary>Builds the network, randomizes every parameter (positive variances), and returns layer <paramref name="index"/>.</summary>
    public static Layer Layer(WorkloadSpec workload, int index, int seed, IReadOnlyDictionary<string, int>? ranks = null)
    {
        var network = FunctionalNetwork.Create(workload, ranks);
        var random = new Random(seed);
        foreach (var p in network.Parameters)
        {
            for (var i = 0; i < p.Length; i++)
            {
                p.Value[i] = p.Name.EndsWith(".running_var", StringComparison.Ordinal) ? 0.5f + (float)random.NextDouble() : (float)(random.NextDouble() * 2 - 1);
            }
        }

        return network.LayerAt(index);
    }

    /// <summary>A tensor of values spaced at least 0.02 apart and away from 0 (no kinks of relu or max within eps).</summary>
    public static Tensor Distinct(int n, int c, int h, int w, int seed)
    {
        var t = new Tensor(n, c, h, w);
        var values = Enumerable.Range(0, t.Length).Select(i => (i - t.Length / 2 + 0.5f) * 0.05f).ToArray();
        var random = new Random(seed);
        random.Shuffle(values);
        values.CopyTo(t.Data, 0);
        return t;
    }

    public static Tensor Random(int n, int c, int h, int w, int seed)
    {
        var t = new Tensor(n, c, h, w);
        var random = new Random(seed);
        for (var i = 0; i < t.Length; i++)
        {
            t.Data[i] = (float)(random.NextDouble() * 2 - 1);
        }

        return t;
    }

    public static void Check(Layer layer, Tensor[] inputs, ForwardMode mode = ForwardMode.Training, double eps = 1e-2, double tolerance = 1e-2)
    {
        var output = layer.Forward(inputs, mode);
        var weights = Random(output.N, output.C, output.H, output.W, 99);
        foreach (var p in layer.Parameters)
        {
            Array.Clear(p.Grad);
        }

        var gradInputs = inputs.Select(x => x.ZerosLike()).ToArray();
        layer.Backward(inputs, output, weights, gradInputs, mode);

        double F()
        {
            var y = layer.Forward(inputs, mode);
            double sum = 0;
            for (var i = 0; i < y.Length; i++)
            {
                sum += (double)y.Data[i] * weights.Data[i];
            }

            return sum;
        }

        var failures = new List<string>();
        void Compare(string what, float[] values, float[] analytic)
        {
            for (var i = 0; i < values.Length; i++)
            {
                var saved = values[i];
                values[i] = (float)(saved + eps);
                var plus = F();
                values[i] = (float)(saved - eps);
                var minus = F();
                values[i] = saved;
                var numeric = (plus - minus) / (2 * eps);
                if (Math.Abs(numeric - analytic[i]) > tolerance * (Math.Abs(numeric) + Math.Abs(analytic[i])) + 1e-3)
                {
                    failures.Add($"{what}[{i}]: numeric {numeric:G6}, analytic {analytic[i]:G6}");
                }
            }
        }

        for (var j = 0; j < inputs.Length; j++)
        {
            Compare($"input {j}", inputs[j].Data, gradInputs[j].Data);
        }

        foreach (var p in layer.Parameters.Where(p => !p.IsBuffer))
        {
            Assert.Contains(p.Grad, g => g != 0f);
            Compare(p.Name, p.Value, (float[])p.Grad.Clone());
        }

        Assert.Contains(gradInputs, g => g.Data.Any(v => v != 0f));
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(10)));
    }
}
