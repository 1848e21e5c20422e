namespace PolicyBot.Teams;

/// <summary>An inbound activity, or the reason its body was rejected.</summary>
public sealed record ActivityParseResult(Activity? Activity, string? Error)
{
    public static ActivityParseResult Failed(string error) => new(null, error);
}
