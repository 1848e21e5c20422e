using System.Text.Json;

namespace PolicyBot.Teams;

/// <summary>Reads an inbound activity body; never throws: bad input gives a clear error.</summary>
public static class ActivityParser
{
    /// <summary>Largest activity body accepted (Teams messages are at most ~100 KB).</summary>
    public const int MaxBytes = 256 * 1024;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { MaxDepth = 32 };

    /// <summary>The activity, or why the body is not one.</summary>
    public static ActivityParseResult Parse(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return ActivityParseResult.Failed("empty body");
        }

        if (body.Length > MaxBytes)
        {
            return ActivityParseResult.Failed($"body larger than {MaxBytes} bytes");
        }

        try
        {
            var activity = JsonSerializer.Deserialize<Activity>(body, Options);
            if (activity is null)
            {
                return ActivityParseResult.Failed("body is not a JSON object");
            }

            return string.IsNullOrWhiteSpace(activity.Type)
                ? ActivityParseResult.Failed("activity has no type")
                : new ActivityParseResult(activity, null);
        }
        catch (JsonException exception)
        {
            return ActivityParseResult.Failed($"malformed activity JSON ({exception.Path ?? "root"})");
        }
    }
}
