using Microsoft.Extensions.Options;

namespace PolicyBot.Commands;

/// <summary>
/// Who is an admin: anyone on the command line (they hold the database already); on Slack, a configured user id
/// (<c>Admins:SlackUserIds</c>) or a workspace admin or owner as the adapter reports; on Teams, a configured AAD
/// object id (<c>Admins:TeamsUserIds</c>, any case) or a user the adapter reports as an admin.
/// </summary>
public sealed class CommandAuthorizer(IOptionsMonitor<AdminsOptions> options)
{
    public bool IsAdmin(CommandContext context)
    {
        var admins = options.CurrentValue;
        return context.Platform switch
        {
            "cli" => true,
            "slack" => context.IsWorkspaceAdmin || Listed(admins.SlackUserIds, context.UserId, StringComparison.Ordinal),
            "teams" => context.IsWorkspaceAdmin || Listed(admins.TeamsUserIds, context.UserId, StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    private static bool Listed(IEnumerable<string> ids, string userId, StringComparison comparison) =>
        !string.IsNullOrWhiteSpace(userId) && ids.Any(id => string.Equals(id?.Trim(), userId.Trim(), comparison));
}
