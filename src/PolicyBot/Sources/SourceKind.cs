namespace PolicyBot.Sources;

/// <summary>What a watched source is: a syndication feed, or one HTML page watched for change.</summary>
public enum SourceKind
{
    Feed,
    Page,
}
