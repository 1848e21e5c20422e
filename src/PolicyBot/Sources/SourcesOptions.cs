namespace PolicyBot.Sources;

/// <summary>The <c>Sources</c> configuration list: sources seeded into the database at start-up.</summary>
public sealed class SourcesOptions
{
    public const string Section = "Sources";

    public List<SourceDefinition> Items { get; set; } = [];
}
