using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PolicyBot.Chat;

namespace PolicyBot.Slack;

/// <summary>
/// Answers a slash command within Slack's 3 seconds, always: a command that finishes within
/// <see cref="SlackOptions.CommandBudget"/> is answered inline; a slower one is acknowledged at once and its answer
/// posted to the command's <c>response_url</c> when it is ready.
/// </summary>
public sealed partial class SlackCommandResponder(
    SlackCommandRunner runner,
    BlockKitRenderer renderer,
    SlackWebApiClient slack,
    SlackDeferredWork deferred,
    IOptions<SlackOptions> options,
    ILogger<SlackCommandResponder> logger)
{
    /// <summary>What Slack shows while a slow command is still running.</summary>
    public const string WorkingText = "Looking that up…";

    public async Task<SlackAck> RespondAsync(SlashCommand command, CancellationToken cancellationToken)
    {
        var channel = new ChatChannel(SlackAdapter.PlatformName, command.ChannelId, command.ChannelName);
        var run = runner.RunAsync(command.Text, command.UserId, command.UserName, channel, deferred.Stopping);
        if (await deferred.WaitWithinAsync(run, options.Value.CommandBudget) && run.IsCompletedSuccessfully)
        {
            return SlackAck.Json(renderer.RenderResponse(await run));
        }

        deferred.Run(async stopping => await AnswerLaterAsync(command, await run, stopping), "slash command answer");
        return SlackAck.Json(new JsonObject { ["response_type"] = "ephemeral", ["text"] = WorkingText });
    }

    private async Task AnswerLaterAsync(SlashCommand command, Reply reply, CancellationToken cancellationToken)
    {
        if (command.ResponseUrl is null)
        {
            Log.NoResponseUrl(logger);
            return;
        }

        var result = await slack.RespondAsync(command.ResponseUrl, renderer.RenderResponse(reply), cancellationToken);
        if (!result.Ok)
        {
            Log.LateAnswerFailed(logger, result.Error!);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6401, Level = LogLevel.Warning, Message = "A slow slash command had no response_url to answer to")]
        public static partial void NoResponseUrl(ILogger logger);

        [LoggerMessage(EventId = 6402, Level = LogLevel.Warning, Message = "A slow slash command's answer could not be posted: {Error}")]
        public static partial void LateAnswerFailed(ILogger logger, string error);
    }
}
