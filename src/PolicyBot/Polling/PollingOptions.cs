using System.ComponentModel.DataAnnotations;

namespace PolicyBot.Polling;

/// <summary>The <c>Polling</c> configuration section: how often, how much and how politely PolicyBot fetches.</summary>
public sealed class PollingOptions
{
    public const string Section = "Polling";

    /// <summary>How often the poll job wakes to look for due sources.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan JobInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The check interval of a source that does not set its own.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Random spread added to each next check, as a fraction of the interval (0.1 = up to 10%).</summary>
    [Range(0.0, 1.0)]
    public double Jitter { get; set; } = 0.1;

    /// <summary>Sources fetched at once, across all hosts.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 8;

    /// <summary>Sources fetched at once from one host.</summary>
    [Range(1, 64)]
    public int PerHostConcurrency { get; set; } = 2;

    /// <summary>The whole fetch (connect, headers and body) must finish within this time.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Bodies larger than this (after decompression) are refused.</summary>
    [Range(1024, 1L << 30)]
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Redirects followed before giving up.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    [Required(AllowEmptyStrings = false)]
    public string UserAgent { get; set; } = "PolicyBot/1.0 (+https://github.com/policybot/policybot)";

    /// <summary>Allow URLs that resolve to loopback, private, link-local or cloud-metadata addresses.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Host names or IP literals exempt from the private-address rule (an intranet feed server, say).</summary>
    public List<string> AllowedPrivateHosts { get; set; } = [];

    /// <summary>The longest a failing source waits before its next try.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(24);

    /// <summary>A feed item with fewer words than this is a teaser: its article page is fetched for analysis.</summary>
    [Range(0, 10_000)]
    public int TeaserWords { get; set; } = 120;

    /// <summary>Article pages fetched per source check to complete teasers (0 turns following off).</summary>
    [Range(0, 100)]
    public int MaxArticleFetches { get; set; } = 10;

    /// <summary>On a new source's first poll, items published within this window still alert; older ones form the silent baseline.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan BackfillWindow { get; set; } = TimeSpan.FromDays(2);
}
