using HybridSim.Functional.Tensors;

namespace HybridSim.Functional.Tests.Tensors;

public sealed class GemmTests
{
    public static TheoryData<int, int, int> Sizes => new()
    {
        { 1, 1, 1 },
        { 3, 5, 7 },
        { 4, 16, 8 },
        { 17, 33, 65 },
        { 37, 19, 129 },
        { 70, 50, 3 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Multiply_matches_a_naive_triple_loop_for_every_transpose_combination(int m, int n, int k)
    {
        foreach (var transposeA in new[] { false, true })
        {
            foreach (var transposeB in new[] { false, true })
            {
                foreach (var accumulate in new[] { false, true })
                {
                    var a = Random(m * k, 1);
                    var b = Random(k * n, 2);
                    var c = Random(m * n, 3);
                    var expected = Naive(a, transposeA, b, transposeB, accumulate ? (float[])c.Clone() : new float[m * n], m, n, k);

                    Gemm.Multiply(a, transposeA, b, transposeB, c, m, n, k, accumulate);

                    for (var i = 0; i < c.Length; i++)
                    {
                        Assert.True(Math.Abs(c[i] - expected[i]) <= 1e-4 * (1 + Math.Abs(expected[i])), $"tA={transposeA} tB={transposeB} acc={accumulate} [{i}]: {c[i]} vs {expected[i]}");
                    }
                }
            }
        }
    }

    [Fact]
    public void Multiply_leaves_elements_past_m_times_n_alone()
    {
        var c = Enumerable.Repeat(7f, 10).ToArray();

        Gemm.Multiply(Random(6, 1), false, Random(9, 2), false, c, 2, 3, 3, false);

        Assert.Equal([7f, 7f, 7f, 7f], c[6..]);
    }

    [Fact]
    public void Multiply_gives_bitwise_the_same_result_on_one_thread_and_on_all()
    {
        const int M = 301, N = 157, K = 263;
        var a = Random(M * K, 4);
        var b = Random(K * N, 5);
        var parallel = new float[M * N];
        var single = new float[M * N];

        Gemm.Multiply(a, true, b, false, parallel, M, N, K, false);
        try
        {
            Parallelism.MaxDegreeOfParallelism = 1;
            Gemm.Multiply(a, true, b, false, single, M, N, K, false);
        }
        finally
        {
            Parallelism.MaxDegreeOfParallelism = -1;
        }

        Assert.Equal(single, parallel);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(7, 33, 5)]
    [InlineData(16, 1024, 144)]
    [InlineData(64, 64, 576)]
    [InlineData(10, 100, 300)]
    [InlineData(301, 157, 263)]
    public void Every_element_is_the_in_order_fused_multiply_add_chain_bit_for_bit(int m, int n, int k)
    {
        // The contract that keeps weights and accuracies byte-identical across kernels, tiles and thread counts.
        foreach (var (transposeA, transposeB, accumulate) in new[] { (false, false, false), (true, false, true), (false, true, true), (true, true, false) })
        {
            var a = Random(m * k, 6);
            var b = Random(k * n, 7);
            var c = Random(m * n, 8);
            var expected = (float[])c.Clone();
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var sum = 0f;
                    for (var p = 0; p < k; p++)
                    {
                        var av = transposeA ? a[p * m + i] : a[i * k + p];
                        var bv = transposeB ? b[j * k + p] : b[p * n + j];
                        sum = MathF.FusedMultiplyAdd(av, bv, sum);
                    }

                    expected[i * n + j] = accumulate ? expected[i * n + j] + sum : sum;
                }
            }

            Gemm.Multiply(a, transposeA, b, transposeB, c, m, n, k, accumulate);

            Assert.Equal(expected, c);
        }
    }

    private static float[] Naive(float[] a, bool transposeA, float[] b, bool transposeB, float[] c, int m, int n, int k)
    {
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0;
                for (var p = 0; p < k; p++)
                {
                    var av = transposeA ? a[p * m + i] : a[i * k + p];
                    var bv = transposeB ? b[j * k + p] : b[p * n + j];
                    sum += (double)av * bv;
                }

                c[i * n + j] += (float)sum;
            }
        }

        return c;
    }

    private static float[] Random(int length, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => (float)(random.NextDouble() * 2 - 1))];
    }
}
