using System.Diagnostics;

namespace PolicyBot.Bench;

/// <summary>
/// The process's peak working set (Linux: VmHWM). On Linux the mark can be reset (writing 5 to
/// <c>/proc/self/clear_refs</c>), so each measured phase reports its own peak rather than the process's.
/// </summary>
internal static class PeakWorkingSet
{
    private const string ClearRefs = "/proc/self/clear_refs";

    /// <summary>Resets the high-water mark to the current working set; false where that is not possible.</summary>
    public static bool TryReset()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(ClearRefs))
        {
            return false;
        }

        try
        {
            File.WriteAllText(ClearRefs, "5");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long Read()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
