using HybridSim.Functional.Data;
using HybridSim.Functional.Network;
using HybridSim.Specs.Workloads;

namespace HybridSim.Bench;

/// <summary>ResNet-20 (CIFAR shape) with seeded random weights and random images, the speed benchmarks' input: speed
/// does not depend on what the values mean.</summary>
internal static class RandomResNet20
{
    internal static (WorkloadSpec Workload, FunctionalNetwork Network, Dataset Data) Create(int images)
    {
        var workload = WorkloadLoader.Load("resnet20-cifar");
        var network = FunctionalNetwork.Create(workload);
        network.Initialize(1);
        var random = new Random(2);
        var pixels = new float[images * workload.InputShape.Elements];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (float)random.NextDouble();
        }

        var labels = Enumerable.Range(0, images).Select(_ => random.Next(10)).ToArray();
        return (workload, network, new Dataset("random", "bench", 3, 32, 32, 10, pixels, labels));
    }
}
