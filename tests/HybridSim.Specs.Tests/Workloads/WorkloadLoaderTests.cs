using HybridSim.Specs.Validation;
using HybridSim.Specs.Workloads;

namespace HybridSim.Specs.Tests.Workloads;

public sealed class WorkloadLoaderTests
{
    [Fact]
    public void Bare_name_resolves_to_the_repository_workloads_directory()
    {
        var path = WorkloadLocator.Resolve("resnet20-cifar");

        Assert.EndsWith(Path.Combine("workloads", "resnet20-cifar.yaml"), path, StringComparison.Ordinal);
        Assert.True(File.Exists(path));
        Assert.Equal(path, WorkloadLoader.Load("resnet20-cifar").SourceFile);
    }

    [Fact]
    public void Path_and_bare_name_load_the_same_workload()
    {
        var byName = WorkloadLoader.Load("mlp-mnist");
        var byPath = WorkloadLoader.Load(WorkloadLocator.Resolve("mlp-mnist"));

        Assert.Equal(byName.Layers.Select(l => l.ToString()), byPath.Layers.Select(l => l.ToString()));
    }

    [Fact]
    public void Available_names_list_the_whole_zoo_sorted()
    {
        var names = WorkloadLocator.AvailableNames();

        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Superset(
            new HashSet<string>(["mlp-mnist", "mobilenetv2-cifar", "resnet18-cifar", "resnet18-imagenet", "resnet20-cifar", "vgg16-cifar"]),
            names.ToHashSet());
    }

    [Fact]
    public void Unknown_bare_name_lists_the_available_workloads_with_a_did_you_mean()
    {
        var e = Assert.Throws<SpecException>(() => WorkloadLoader.Load("resnet20-cifra"));

        var error = Assert.Single(e.Errors);
        Assert.Equal(("resnet20-cifra", "workload"), (error.File, error.Path));
        Assert.Contains("did you mean 'resnet20-cifar'?", error.Message, StringComparison.Ordinal);
        Assert.Contains("available: cnn-digits, lenet5-fashion, mlp-digits, mlp-mnist, mobilenetv2-cifar, resnet18-cifar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_file_is_an_error_naming_the_file()
    {
        var e = Assert.Throws<SpecException>(() => WorkloadLoader.Load("no/such/net.yaml"));

        var error = Assert.Single(e.Errors);
        Assert.Equal("no/such/net.yaml", error.File);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_zoo_file_loaded_twice_gives_equal_layers()
    {
        foreach (var name in WorkloadLocator.AvailableNames())
        {
            var first = WorkloadLoader.Load(name);
            var second = WorkloadLoader.Load(name);
            Assert.Equal(first.Layers.Select(l => l.ToString()), second.Layers.Select(l => l.ToString()));
        }
    }

    [Fact]
    public void Yaml_problems_in_a_workload_file_carry_file_line_and_column()
    {
        var dir = Directory.CreateTempSubdirectory("hybridsim-workload-");
        try
        {
            var file = Path.Combine(dir.FullName, "dup.yaml");
            File.WriteAllText(file, "name: n\ninput: [3, 4, 4]\nname: m\nlayers:\n  - {name: a, kind: flatten}\n");

            var e = Assert.Throws<SpecException>(() => WorkloadLoader.Load(file));

            var error = Assert.Single(e.Errors);
            Assert.Equal((file, 3), (error.File, error.Line));
            Assert.Contains("name", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
