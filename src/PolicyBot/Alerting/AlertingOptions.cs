using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Alerting;

/// <summary>The <c>Alerting</c> configuration section: how alerts are delivered.</summary>
public sealed class AlertingOptions
{
    public const string Section = "Alerting";

    /// <summary>How often the dispatcher looks for undelivered alerts.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan DispatchInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Attempts before an alert is dead for a channel and shown to admins.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 8;

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

    /// <summary>Print alerts on the console even when a chat platform is configured.</summary>
    public bool Console { get; set; }
}
