using PolicyBot.Chat;
using PolicyBot.Commands;
using PolicyBot.Sources;

namespace PolicyBot.Slack;

/// <summary>Builds a user's App Home tab (recent alerts via <c>/policy latest 5</c> as that user, sources from the
/// store, admin controls for admins) and publishes it with <c>views.publish</c>.</summary>
public sealed class SlackHomePublisher(
    SlackCommandRunner runner,
    SourceStore sources,
    SlackWorkspaceAdmins admins,
    CommandAuthorizer authorizer,
    SlackHomeView view,
    SlackWebApiClient slack,
    TimeProvider timeProvider)
{
    /// <summary>The command whose answer fills "Recent alerts".</summary>
    public const string RecentCommand = "latest 5";

    /// <param name="notice">The outcome of the user's last action, shown at the top; null for none.</param>
    public async Task<SlackApiResult> PublishAsync(string userId, Reply? notice, CancellationToken cancellationToken)
    {
        // the command engine's rule (configured ids), then Slack's own admins and owners (users.info, cached)
        var isAdmin = authorizer.IsAdmin(new CommandContext(SlackAdapter.PlatformName, userId, null, null)) || await admins.IsAdminAsync(userId, cancellationToken);
        var recent = await runner.RunAsync(RecentCommand, userId, null, null, cancellationToken);
        var list = await sources.ListAsync(cancellationToken);
        return await slack.PublishViewAsync(userId, view.Build(notice, recent, list, isAdmin, timeProvider.GetUtcNow()), cancellationToken);
    }
}
