using System.Globalization;
using System.Text;
using HybridSim.Specs.Output;

namespace HybridSim.Hardware.Tracing;

/// <summary>
/// Collects spans for a Chrome trace-event file (open in Perfetto or chrome://tracing): one track per core, per MVMU
/// and per NoC link. Size is bounded: back-to-back spans of the same name on a track merge into one, and after
/// <see cref="MaxSpans"/> spans further ones are dropped and counted; the file then says so in its metadata.
/// </summary>
public sealed class TraceRecorder
{
    private readonly List<(int Pid, string ProcessName, int Tid, string ThreadName)> _tracks = [];
    private readonly List<SpanRecord> _spans = [];
    private int[] _lastSpan = [];

    public TraceRecorder(int maxSpans = 1_000_000)
    {
        MaxSpans = maxSpans;
    }

    public int MaxSpans { get; }

    /// <summary>Spans not recorded because the bound was reached.</summary>
    public long DroppedSpans { get; private set; }

    /// <summary>Spans merged into their predecessor (same track, same name, contiguous).</summary>
    public long MergedSpans { get; private set; }

    public int SpanCount => _spans.Count;

    /// <summary>Registers a track: <paramref name="pid"/> groups tracks (a tile, the network), <paramref name="tid"/> orders them.</summary>
    public int Track(int pid, string processName, int tid, string threadName)
    {
        _tracks.Add((pid, processName, tid, threadName));
        Array.Resize(ref _lastSpan, _tracks.Count);
        _lastSpan[^1] = -1;
        return _tracks.Count - 1;
    }

    /// <summary>Records that <paramref name="track"/> was busy with <paramref name="name"/> from start for a duration (picoseconds).</summary>
    public void Span(int track, string name, long startPs, long durationPs)
    {
        var last = _lastSpan[track];
        if (last >= 0)
        {
            var s = _spans[last];
            if (ReferenceEquals(s.Name, name) && s.Start + s.Duration == startPs)
            {
                _spans[last] = s with { Duration = s.Duration + durationPs };
                MergedSpans++;
                return;
            }
        }

        if (_spans.Count >= MaxSpans)
        {
            DroppedSpans++;
            return;
        }

        _lastSpan[track] = _spans.Count;
        _spans.Add(new SpanRecord(track, name, startPs, durationPs));
    }

    /// <summary>Writes the trace to a file atomically, refusing special files (see <see cref="SafeFile"/>).</summary>
    public void WriteFile(string path) => SafeFile.WriteText(path, Write, flushToDisk: false, field: "--trace");

    /// <summary>Writes the trace as JSON (timestamps in microseconds, as the format requires).</summary>
    public void Write(TextWriter writer)
    {
        var inv = CultureInfo.InvariantCulture;
        writer.Write("{\"displayTimeUnit\":\"ns\",\"otherData\":{");
        writer.Write(string.Create(inv, $"\"spans\":{_spans.Count},\"merged_spans\":{MergedSpans},\"dropped_spans\":{DroppedSpans}"));
        if (DroppedSpans > 0)
        {
            writer.Write(string.Create(inv, $",\"note\":\"trace truncated after {MaxSpans} spans; {DroppedSpans} later spans were dropped\""));
        }

        writer.Write("},\"traceEvents\":[\n");
        var first = true;
        var namedProcesses = new HashSet<int>();
        for (var i = 0; i < _tracks.Count; i++)
        {
            var (pid, processName, tid, threadName) = _tracks[i];
            if (namedProcesses.Add(pid))
            {
                Separator(writer, ref first);
                writer.Write(string.Create(inv, $"{{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":{pid},\"tid\":0,\"args\":{{\"name\":\"{Escape(processName)}\"}}}}"));
                Separator(writer, ref first);
                writer.Write(string.Create(inv, $"{{\"ph\":\"M\",\"name\":\"process_sort_index\",\"pid\":{pid},\"tid\":0,\"args\":{{\"sort_index\":{pid}}}}}"));
            }

            Separator(writer, ref first);
            writer.Write(string.Create(inv, $"{{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":{pid},\"tid\":{tid},\"args\":{{\"name\":\"{Escape(threadName)}\"}}}}"));
            Separator(writer, ref first);
            writer.Write(string.Create(inv, $"{{\"ph\":\"M\",\"name\":\"thread_sort_index\",\"pid\":{pid},\"tid\":{tid},\"args\":{{\"sort_index\":{tid}}}}}"));
        }

        foreach (var span in _spans)
        {
            var (pid, _, tid, _) = _tracks[span.Track];
            Separator(writer, ref first);
            writer.Write(string.Create(
                inv,
                $"{{\"ph\":\"X\",\"name\":\"{Escape(span.Name)}\",\"pid\":{pid},\"tid\":{tid},\"ts\":{(span.Start / 1e6).ToString("R", inv)},\"dur\":{(span.Duration / 1e6).ToString("R", inv)}}}"));
        }

        writer.Write("\n]}\n");
    }

    private static void Separator(TextWriter writer, ref bool first)
    {
        if (!first)
        {
            writer.Write(",\n");
        }

        first = false;
    }

    private static string Escape(string s)
    {
        if (s.AsSpan().IndexOfAny("\"\\") < 0)
        {
            return s;
        }

        var sb = new StringBuilder(s.Length + 4);
        foreach (var c in s)
        {
            if (c is '"' or '\\')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private readonly record struct SpanRecord(int Track, string Name, long Start, long Duration);
}
