using System.Text.Json;
using HybridSim.Hardware.Tracing;
using static HybridSim.Hardware.Tests.TestMachines;

namespace HybridSim.Hardware.Tests;

public sealed class TraceRecorderTests
{
    [Fact]
    public void Trace_has_tracks_for_cores_mvmus_and_links_and_is_valid_json()
    {
        var arch = Architecture();
        var trace = new TraceRecorder();
        HardwareSimulator.Run(SyntheticPipeline.Build(arch, tiles: 3, vectors: 2), new SimulationOptions(Trace: trace));
        var writer = new StringWriter();
        trace.Write(writer);

        using var doc = JsonDocument.Parse(writer.ToString());
        var events = doc.RootElement.GetProperty("traceEvents").EnumerateArray().ToList();
        var threadNames = events.Where(e => e.GetProperty("ph").GetString() == "M" && e.GetProperty("name").GetString() == "thread_name")
            .Select(e => e.GetProperty("args").GetProperty("name").GetString()).ToList();
        Assert.Contains("core 0", threadNames);
        Assert.Contains("core 0 mvmu 0", threadNames);
        Assert.Contains(threadNames, n => n!.StartsWith("router ", StringComparison.Ordinal));
        Assert.Contains(events, e => e.GetProperty("ph").GetString() == "X" && e.GetProperty("name").GetString() == "mvm");
    }

    [Fact]
    public void Trace_is_bounded_and_says_so()
    {
        var trace = new TraceRecorder(maxSpans: 3);
        var track = trace.Track(0, "tile 0", 0, "core 0");
        for (var i = 0; i < 10; i++)
        {
            trace.Span(track, i % 2 == 0 ? "a" : "b", i * 10, 5);
        }

        var writer = new StringWriter();
        trace.Write(writer);

        Assert.Equal(7, trace.DroppedSpans);
        Assert.Contains("trace truncated after 3 spans", writer.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Back_to_back_spans_of_one_name_merge()
    {
        var trace = new TraceRecorder();
        var track = trace.Track(0, "tile 0", 0, "core 0");
        trace.Span(track, "alu", 0, 5);
        trace.Span(track, "alu", 5, 5);
        trace.Span(track, "mvm", 10, 5);

        Assert.Equal(2, trace.SpanCount);
        Assert.Equal(1, trace.MergedSpans);
    }
}
