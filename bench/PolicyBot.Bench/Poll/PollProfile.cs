namespace PolicyBot.Bench.Poll;

/// <summary>A PolicyBot configuration to measure; null limits keep PolicyBot's own defaults.</summary>
internal sealed record PollProfile(string Name, int? Concurrency, int? PerHostConcurrency, string Description)
{
    public static PollProfile Defaults { get; } = new("default", null, null, "Polling:Concurrency and Polling:PerHostConcurrency left at their defaults");

    /// <summary>All benchmark feeds share one host, where the default per-host limit is the bottleneck; this lifts it.</summary>
    public static PollProfile Wide { get; } = new("wide", 16, 16, "Polling:Concurrency=16, Polling:PerHostConcurrency=16");

    /// <summary>The first run in a fresh process, with PolicyBot's defaults: cold JIT, as a one-shot <c>once</c> pays it (<c>--cold</c>).</summary>
    public static PollProfile ColdProcess { get; } = new("cold process", null, null, "a fresh process, PolicyBot's defaults");

    /// <summary>A short untimed run that JIT-compiles the pipeline before the measured profiles, so they compare on equal terms.</summary>
    public static PollProfile JitWarmup { get; } = new("jit warm-up", null, null, "untimed; compiles the pipeline before the profiles");

    public static IReadOnlyList<PollProfile> Parse(string name) => name.ToLowerInvariant() switch
    {
        "default" => [Defaults],
        "wide" => [Wide],
        "both" => [Defaults, Wide],
        _ => throw new ArgumentException($"Unknown profile '{name}': use default, wide or both.", nameof(name)),
    };
}
