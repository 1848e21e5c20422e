namespace PolicyBot.Commands;

/// <summary>The <c>Admins</c> configuration section: who may change sources and subscriptions.</summary>
public sealed class AdminsOptions
{
    public const string Section = "Admins";

    /// <summary>Slack user ids (<c>U…</c>/<c>W…</c>) with admin rights, besides workspace admins and owners.</summary>
    public IList<string> SlackUserIds { get; set; } = [];

    /// <summary>Teams users' AAD object ids with admin rights.</summary>
    public IList<string> TeamsUserIds { get; set; } = [];
}
