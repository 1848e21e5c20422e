using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace PolicyBot.Bench;

/// <summary>The machine and runtime a figure was measured on, in one line.</summary>
internal static class MachineInfo
{
    public static string Describe()
    {
        var cpu = CpuModel();
        var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
        var optimized = typeof(MachineInfo).Assembly.GetCustomAttribute<System.Diagnostics.DebuggableAttribute>()?.IsJITOptimizerDisabled != true;
        return $"{Environment.ProcessorCount} cores{(cpu is null ? "" : $" ({cpu})")}, {memory:F0} GiB, "
            + $"{RuntimeInformation.OSDescription.Trim()} {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}, "
            + $"{(GCSettings.IsServerGC ? "Server" : "Workstation")} GC, {(optimized ? "Release" : "Debug (not representative)")} build";
    }

    /// <summary>The 1-minute load average (Linux), to tell a quiet machine from a busy one; null elsewhere.</summary>
    public static double? LoadAverage()
    {
        const string LoadAvg = "/proc/loadavg";
        return File.Exists(LoadAvg)
            && double.TryParse(File.ReadAllText(LoadAvg).Split(' ')[0], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var load)
            ? load
            : null;
    }

    private static string? CpuModel()
    {
        const string CpuInfo = "/proc/cpuinfo";
        if (!File.Exists(CpuInfo))
        {
            return null;
        }

        var line = File.ReadLines(CpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }
}
