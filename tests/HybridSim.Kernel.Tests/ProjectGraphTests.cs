using System.Xml.Linq;
using HybridSim.Tests;

namespace HybridSim.Kernel.Tests;

/// <summary>
/// The src/ projects reference each other exactly as docs/architecture.md's project graph says, and that graph has no
/// cycle: a project that references one it should not fails here, naming the .csproj and the reference.
/// </summary>
public sealed class ProjectGraphTests
{
    private const string Prefix = "HybridSim.";

    [Fact]
    public void Every_project_reference_in_src_is_one_the_architecture_page_allows()
    {
        var allowed = AllowedGraph();
        var actual = ActualGraph();

        Assert.Equal(allowed.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        var problems = new List<string>();
        foreach (var (project, references) in actual)
        {
            problems.AddRange(references.Except(allowed[project]).Select(r =>
                $"src/{Prefix}{project}/{Prefix}{project}.csproj references {Prefix}{r}, which docs/architecture.md does not allow"));
            problems.AddRange(allowed[project].Except(references).Select(r =>
                $"docs/architecture.md lists {project} -> {r}, but src/{Prefix}{project}/{Prefix}{project}.csproj has no such reference"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void The_allowed_graph_has_no_cycle()
    {
        var graph = AllowedGraph();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 1: on the path, 2: done
        void Visit(string project, List<string> path)
        {
            state[project] = 1;
            path.Add(project);
            foreach (var next in graph.GetValueOrDefault(project, []))
            {
                Assert.True(graph.ContainsKey(next), $"docs/architecture.md: {project} references {next}, which has no line of its own");
                Assert.False(state.GetValueOrDefault(next) == 1, "docs/architecture.md: cycle " + string.Join(" -> ", path.Append(next)));
                if (state.GetValueOrDefault(next) == 0)
                {
                    Visit(next, path);
                }
            }

            path.RemoveAt(path.Count - 1);
            state[project] = 2;
        }

        foreach (var project in graph.Keys.Order(StringComparer.Ordinal).Where(p => state.GetValueOrDefault(p) == 0))
        {
            Visit(project, []);
        }
    }

    [Theory]
    [InlineData("Hardware", "Metrics")]
    [InlineData("Hardware", "Compiler")]
    [InlineData("Compiler", "Hardware")]
    [InlineData("Metrics", "Hardware")]
    public void A_contract_keeps_two_projects_apart(string project, string unreachable)
    {
        // The hardware counts into HybridSim.Activity and runs HybridSim.Isa programs: it must not reach the metrics that
        // price the counts (the design forbids a hardware model pricing energy) nor the compiler's internals, not even
        // through another project. ActualGraph() equals AllowedGraph() (test above), so this holds for the .csproj files.
        var graph = ActualGraph();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var next))
        {
            foreach (var reference in graph.GetValueOrDefault(next, []).Where(reached.Add))
            {
                pending.Push(reference);
            }
        }

        Assert.DoesNotContain(unreachable, reached);
    }

    [Fact]
    public void The_graph_parser_reads_the_page()
    {
        var graph = AllowedGraph();

        Assert.Empty(graph["Kernel"]);
        Assert.Equal(["Specs", "Isa"], graph["Compiler"]);
    }

    private static Dictionary<string, string[]> AllowedGraph()
    {
        var page = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "architecture.md"));
        const string begin = "<!-- project-graph: begin -->", end = "<!-- project-graph: end -->";
        var from = page.IndexOf(begin, StringComparison.Ordinal);
        var to = page.IndexOf(end, StringComparison.Ordinal);
        Assert.True(from >= 0 && to > from, $"docs/architecture.md has no '{begin}' ... '{end}' block");
        var graph = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var line in page[(from + begin.Length)..to].Split('\n').Select(l => l.Trim()))
        {
            if (line.Length == 0 || line.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            Assert.True(colon > 0, $"docs/architecture.md: project graph line '{line}' is not 'Project: references'");
            graph.Add(line[..colon].Trim(), line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }

        return graph;
    }

    private static Dictionary<string, string[]> ActualGraph()
    {
        var graph = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var csproj in Directory.GetDirectories(Path.Combine(RepositoryPaths.Root, "src")).SelectMany(d => Directory.GetFiles(d, "*.csproj")))
        {
            var name = Path.GetFileNameWithoutExtension(csproj);
            Assert.StartsWith(Prefix, name, StringComparison.Ordinal);
            var references = XDocument.Load(csproj).Descendants()
                .Where(e => e.Name.LocalName == "ProjectReference")
                .Select(e => Path.GetFileNameWithoutExtension(e.Attribute("Include")!.Value.Replace('\\', '/')))
                .Select(r => r.StartsWith(Prefix, StringComparison.Ordinal) ? r[Prefix.Length..] : r)
                .ToArray();
            graph.Add(name[Prefix.Length..], references);
        }

        return graph;
    }
}
