namespace PolicyBot.Cli;

/// <summary>Where a CLI run writes and what it adds to configuration (tests pass their own; the program passes the console).</summary>
/// <param name="Settings">Configuration values laid over appsettings and environment variables.</param>
public sealed record CliEnvironment(TextWriter Out, TextWriter Error, IReadOnlyDictionary<string, string?> Settings)
{
    public static CliEnvironment Console { get; } = new(System.Console.Out, System.Console.Error, new Dictionary<string, string?>());
}
