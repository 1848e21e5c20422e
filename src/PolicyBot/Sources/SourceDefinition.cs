namespace PolicyBot.Sources;

/// <summary>One item of the <c>Sources</c> configuration list (also what <c>sources add</c> and OPML import produce).</summary>
public sealed class SourceDefinition
{
    public string Name { get; set; } = "";

    public string Url { get; set; } = "";

    /// <summary><c>feed</c> or <c>page</c>.</summary>
    public string Kind { get; set; } = "feed";

    public List<string> Orgs { get; set; } = [];

    /// <summary>A TimeSpan such as <c>00:30:00</c>; empty means <c>Polling:Interval</c>.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>For pages: a CSS selector narrowing what is watched.</summary>
    public string? Selector { get; set; }
}
