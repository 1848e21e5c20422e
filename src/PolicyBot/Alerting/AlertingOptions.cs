using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Alerting;

/// <summary>The <c>Alerting</c> configuration section: how alerts are delivered.</summary>
public sealed class AlertingOptions
{
    public const string Section = "Alerting";

    /// <summary>How often the dispatcher looks for undelivered alerts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Failed attempts before an alert is dead for a channel and shown to admins (rate limits do not count).
    /// With the default back-off, 12 attempts keep trying for about five hours: a platform down for an hour loses nothing.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>The first retry delay; each later one doubles, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest retry delay.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a statement stays open to later reports: a report within this time of the last one updates
    /// the statement's alert ("also reported by") instead of alerting again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan ClusterWindow { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Messages per second each channel may receive (a token bucket; Slack allows about one per second per channel).</summary>
    [Range(0.001, 10000)]
    public double ChannelMessagesPerSecond { get; set; } = 1;

    /// <summary>Messages a channel may receive at once before pacing applies.</summary>
    [Range(1, 10000)]
    public int ChannelBurst { get; set; } = 1;

    /// <summary>Channels delivered to at the same time.</summary>
    [Range(1, 64)]
    public int DispatchConcurrency { get; set; } = 8;

    /// <summary>How long a dispatcher holds a row while sending it; a process killed mid-send leaves the row to be
    /// re-sent after this.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Consecutive failed checks after which a source's failure is announced to the notice channels (and
    /// its recovery later).</summary>
    [Range(1, 1000)]
    public int SourceFailureNoticeAfter { get; set; } = 3;

    /// <summary>Print alerts on the console even when a chat platform is configured.</summary>
    public bool Console { get; set; }
}
