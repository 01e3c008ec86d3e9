namespace HybridSim.Hardware.Tracing;

/// <summary>
/// Process and thread ids of the trace's tracks. Each tile is a process (pid = tile id) whose threads are its engine,
/// then per core one thread for the core and one per MVMU; the NoC is one process past any tile id.
/// </summary>
public static class TraceIds
{
    /// <summary>Pid of the NoC's process (its threads are directed links): above any tile id.</summary>
    public const int NocProcess = 1_000_000;

    /// <summary>Thread ids one core's tracks take: the core at Index × stride, its MVMUs at the ids after it.</summary>
    public const int CoreThreadStride = 100;

    public static int CoreThread(int core) => core * CoreThreadStride;

    public static int MvmuThread(int core, int mvmu) => CoreThread(core) + 1 + mvmu;
}
