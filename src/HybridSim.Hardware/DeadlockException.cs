using System.Collections.Immutable;

namespace HybridSim.Hardware;

/// <summary>
/// The simulation ran out of events while cores or tile engines still waited: the program can never finish.
/// The message names each blocked unit, its instruction (index and text) and the shared-memory words or FIFOs it waits on.
/// </summary>
public sealed class DeadlockException : Exception
{
    public DeadlockException(long atPicoseconds, ImmutableArray<string> blocked)
        : base(Format(atPicoseconds, blocked))
    {
        AtPicoseconds = atPicoseconds;
        Blocked = blocked;
    }

    public DeadlockException()
        : this(0, [])
    {
    }

    public DeadlockException(string message)
        : base(message)
    {
        Blocked = [message];
    }

    public DeadlockException(string message, Exception innerException)
        : base(message, innerException)
    {
        Blocked = [message];
    }

    /// <summary>Simulated time at which nothing could move any more.</summary>
    public long AtPicoseconds { get; }

    /// <summary>One line per blocked core or tile engine.</summary>
    public ImmutableArray<string> Blocked { get; }

    private static string Format(long at, ImmutableArray<string> blocked)
    {
        const int MaxLines = 40;
        var lines = blocked.Take(MaxLines).Select(b => "  " + b);
        var more = blocked.Length > MaxLines ? $"{Environment.NewLine}  ... and {blocked.Length - MaxLines} more" : "";
        return $"deadlock at {at / 1000.0:0.###} ns: {blocked.Length} unit(s) wait for something that can no longer happen:"
            + Environment.NewLine + string.Join(Environment.NewLine, lines) + more;
    }
}
