using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PolicyBot.Chat;

namespace PolicyBot.Slack;

/// <summary>
/// Interactivity payloads (over HTTP or Socket Mode): buttons that run a command as the person who pressed them
/// (answered through <c>response_url</c> in messages, by refreshing the Home tab there), the Home tab's "Add source"
/// button (<c>views.open</c>), and the modal's submission (<c>sources add …</c>; a refused or wrong request comes back
/// as inline <c>response_action: errors</c>).
/// </summary>
public sealed partial class SlackInteractionHandler(
    SlackCommandRunner runner,
    SlackHomePublisher home,
    SlackAddSourceModal modal,
    SlackWebApiClient slack,
    BlockKitRenderer renderer,
    SlackDeferredWork deferred,
    IOptions<SlackOptions> options,
    ILogger<SlackInteractionHandler> logger)
{
    public async Task<SlackAck> HandleAsync(JsonObject payload, CancellationToken cancellationToken)
    {
        var user = Text(payload["user"], "id");
        if (user is not { Length: > 0 and <= 100 })
        {
            return new SlackAck(400);
        }

        return Text(payload, "type") switch
        {
            "block_actions" => await ActionAsync(payload, user),
            "view_submission" when Text(payload["view"], "callback_id") == SlackAddSourceModal.CallbackId => await SubmitAsync(payload, user),
            _ => SlackAck.Empty, // view_closed, shortcuts, legacy payloads: nothing to do
        };
    }

    private async Task<SlackAck> ActionAsync(JsonObject payload, string user)
    {
        if (payload["actions"] is not JsonArray { Count: > 0 } actions || actions[0] is not JsonObject action)
        {
            return SlackAck.Empty;
        }

        var actionId = Text(action, "action_id") ?? "";
        if (actionId == SlackHomeView.AddSourceAction)
        {
            if (Text(payload, "trigger_id") is { Length: > 0 } trigger)
            {
                var opened = await slack.OpenViewAsync(trigger, modal.Build(), deferred.Stopping);
                if (!opened.Ok)
                {
                    Log.ModalFailed(logger, opened.Error!);
                }
            }

            return SlackAck.Empty;
        }

        if (!actionId.StartsWith(BlockKitRenderer.CommandActionPrefix, StringComparison.Ordinal)
            || Text(action, "value") is not { Length: > 0 and <= BlockKitRenderer.MaxButtonValue } command)
        {
            return SlackAck.Empty; // link buttons and anything else: acknowledged, nothing to run
        }

        var userName = Text(payload["user"], "username") ?? Text(payload["user"], "name");
        var inView = Text(payload["container"], "type") == "view";
        var channelId = Text(payload["channel"], "id") ?? Text(payload["container"], "channel_id");
        var channel = channelId is null ? null : new ChatChannel(SlackAdapter.PlatformName, channelId, Text(payload["channel"], "name"));
        var responseUrl = Text(payload, "response_url");
        var work = RunButtonAsync(command, user, userName, inView ? null : channel, inView, responseUrl);
        deferred.Run(_ => work, "button command"); // observed and logged if it fails, even after the acknowledgement
        await deferred.WaitWithinAsync(work, options.Value.CommandBudget);
        return SlackAck.Empty;
    }

    private async Task RunButtonAsync(string command, string user, string? userName, ChatChannel? channel, bool inView, string? responseUrl)
    {
        var reply = await runner.RunAsync(command, user, userName, channel, deferred.Stopping);
        if (inView)
        {
            await home.PublishAsync(user, reply, deferred.Stopping);
        }
        else if (responseUrl is not null)
        {
            await slack.RespondAsync(responseUrl, renderer.RenderResponse(reply), deferred.Stopping);
        }
    }

    private async Task<SlackAck> SubmitAsync(JsonObject payload, string user)
    {
        var view = (JsonObject)payload["view"]!;
        var (command, errors) = modal.Read(view);
        if (command is null)
        {
            return Errors(errors);
        }

        var userName = Text(payload["user"], "username") ?? Text(payload["user"], "name");
        var run = runner.RunAsync(command, user, userName, null, deferred.Stopping);
        if (await deferred.WaitWithinAsync(run, options.Value.CommandBudget) && run.IsCompletedSuccessfully)
        {
            var reply = await run;
            if (reply.Outcome != ReplyOutcome.Ok)
            {
                return Errors(new Dictionary<string, string> { [modal.ErrorBlockFor(view, reply.Summary)] = SlackText.Truncate(SlackText.Clean(reply.Summary), 2000) });
            }

            deferred.Run(stopping => home.PublishAsync(user, reply, stopping), "App Home refresh");
            return SlackAck.Empty; // closes the modal
        }

        // still fetching the source: close the modal now, show the outcome on the Home tab when it is known
        deferred.Run(async stopping => await home.PublishAsync(user, await run, stopping), "App Home refresh");
        return SlackAck.Empty;
    }

    private static SlackAck Errors(Dictionary<string, string> errors)
    {
        var body = new JsonObject();
        foreach (var (block, message) in errors)
        {
            body[block] = message;
        }

        return SlackAck.Json(new JsonObject { ["response_action"] = "errors", ["errors"] = body });
    }

    private static string? Text(JsonNode? node, string name) =>
        node is JsonObject o && o[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 6601, Level = LogLevel.Warning, Message = "The Add source modal could not be opened: {Error}")]
        public static partial void ModalFailed(ILogger logger, string error);
    }
}
