namespace HybridSim.Functional.Data;

/// <summary>The two CIFAR binary versions: CIFAR-10 records have one label byte, CIFAR-100 a coarse and a fine one.</summary>
internal enum CifarFormat
{
    Cifar10,
    Cifar100,
}
