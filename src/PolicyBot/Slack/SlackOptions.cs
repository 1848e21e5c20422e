using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Slack;

/// <summary>
/// The <c>Slack</c> configuration section. Each secret switches a part on: <see cref="SigningSecret"/> maps the HTTP
/// endpoints, <see cref="BotToken"/> registers the Slack adapter (alerts, replies, App Home), <see cref="AppToken"/> starts
/// Socket Mode. None of them is ever logged.
/// </summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    /// <summary>The bot token (<c>xoxb-…</c>) for Web API calls.</summary>
    public string? BotToken { get; set; }

    /// <summary>The app's signing secret: every request Slack sends over HTTP is verified with it.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>An app-level token (<c>xapp-…</c>, scope <c>connections:write</c>) to receive events over Socket Mode instead of HTTP.</summary>
    public string? AppToken { get; set; }

    /// <summary>The Web API root; <c>response_url</c>s are accepted only on <c>https://hooks.slack.com/</c> or this URL's host.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>How long a command may run before Slack is acknowledged and the answer goes to <c>response_url</c>
    /// instead (Slack waits 3 s); zero answers every command through <c>response_url</c>.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:02.800")]
    public TimeSpan CommandBudget { get; set; } = TimeSpan.FromMilliseconds(2500);

    /// <summary>The largest request body accepted from Slack; larger ones get 413 and are not read further.</summary>
    [Range(1024, 1048576)]
    public int MaxBodyBytes { get; set; } = 65536;

    /// <summary>How long one Web API call may take.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public bool HasSigningSecret => !string.IsNullOrWhiteSpace(SigningSecret);

    public bool HasBotToken => !string.IsNullOrWhiteSpace(BotToken);

    public bool HasAppToken => !string.IsNullOrWhiteSpace(AppToken);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ApiBaseUrl.IsAbsoluteUri || ApiBaseUrl.Scheme is not ("https" or "http") || !ApiBaseUrl.AbsolutePath.EndsWith('/'))
        {
            yield return new ValidationResult("Slack:ApiBaseUrl must be an absolute http(s) URL ending in '/'.", [nameof(ApiBaseUrl)]);
        }

        if (HasBotToken && !BotToken!.StartsWith("xoxb-", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Slack:BotToken must be a bot token (xoxb-…).", [nameof(BotToken)]);
        }

        if (HasAppToken && !AppToken!.StartsWith("xapp-", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Slack:AppToken must be an app-level token (xapp-…).", [nameof(AppToken)]);
        }

        if (HasAppToken && !HasBotToken)
        {
            yield return new ValidationResult("Slack:AppToken (Socket Mode) needs Slack:BotToken to answer.", [nameof(AppToken)]);
        }
    }
}
