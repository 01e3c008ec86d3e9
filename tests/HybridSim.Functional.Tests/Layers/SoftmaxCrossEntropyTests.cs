using HybridSim.Functional.Layers;
using HybridSim.Functional.Tensors;

namespace HybridSim.Functional.Tests.Layers;

public sealed class SoftmaxCrossEntropyTests
{
    [Fact]
    public void Uniform_logits_cost_log_of_the_class_count()
    {
        var logits = new Tensor(2, 4, 1, 1);

        Assert.Equal(MathF.Log(4), SoftmaxCrossEntropy.Loss(logits, [1, 3], null), 6);
    }

    [Fact]
    public void Huge_logits_stay_finite()
    {
        var logits = new Tensor(1, 3, 1, 1, [1000, 0, -1000]);
        var grad = logits.ZerosLike();

        Assert.Equal(1000f, SoftmaxCrossEntropy.Loss(logits, [1], grad), 3);
        Assert.All(grad.Data, g => Assert.True(float.IsFinite(g)));
    }

    [Fact]
    public void Softmax_cross_entropy_gradient_matches_finite_differences()
    {
        var logits = GradientCheck.Random(3, 5, 1, 1, 40);
        int[] labels = [0, 4, 2];
        var grad = logits.ZerosLike();
        SoftmaxCrossEntropy.Loss(logits, labels, grad);
        const float Eps = 1e-2f;
        for (var i = 0; i < logits.Length; i++)
        {
            var saved = logits.Data[i];
            logits.Data[i] = saved + Eps;
            var plus = SoftmaxCrossEntropy.Loss(logits, labels, null);
            logits.Data[i] = saved - Eps;
            var minus = SoftmaxCrossEntropy.Loss(logits, labels, null);
            logits.Data[i] = saved;
            Assert.Equal((plus - minus) / (2 * Eps), grad.Data[i], 3);
        }
    }
}
