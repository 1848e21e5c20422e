using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.WebUtilities;

namespace PolicyBot.Slack;

/// <summary>
/// <c>POST /slack/commands</c>, <c>POST /slack/events</c>, <c>POST /slack/interactivity</c>: each request verified by
/// <see cref="SlackRequestGate"/>, then parsed (400 when it cannot be) and handed to the same handlers Socket Mode uses.
/// </summary>
public static class SlackEndpoints
{
    /// <summary>Maps the Slack endpoints when <c>Slack:SigningSecret</c> is set; otherwise maps nothing.</summary>
    public static WebApplication MapSlack(this WebApplication app)
    {
        if (app.Services.GetService<SlackRequestGate>() is null)
        {
            return app;
        }

        app.MapPost("/slack/commands", CommandsAsync);
        app.MapPost("/slack/events", EventsAsync);
        app.MapPost("/slack/interactivity", InteractivityAsync);
        return app;
    }

    private static async Task<IResult> CommandsAsync(HttpContext context, SlackRequestGate gate, SlackCommandResponder responder)
    {
        var (body, status) = await gate.ReadAsync(context.Request, allowSslCheck: true, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(status);
        }

        var command = IsForm(context.Request) && Form(body) is { } fields ? SlashCommand.From(fields) : null;
        return command is null ? Results.BadRequest() : Answer(await responder.RespondAsync(command, context.RequestAborted));
    }

    private static async Task<IResult> EventsAsync(HttpContext context, SlackRequestGate gate, SlackEventHandler handler)
    {
        var (body, status) = await gate.ReadAsync(context.Request, allowSslCheck: false, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(status);
        }

        return ParseObject(body) is { } payload ? Answer(await handler.HandleAsync(payload, context.RequestAborted)) : Results.BadRequest();
    }

    private static async Task<IResult> InteractivityAsync(HttpContext context, SlackRequestGate gate, SlackInteractionHandler handler)
    {
        var (body, status) = await gate.ReadAsync(context.Request, allowSslCheck: false, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(status);
        }

        var payload = IsForm(context.Request) && Form(body) is { } fields && fields.TryGetValue("payload", out var json)
            ? ParseObject(Encoding.UTF8.GetBytes(json))
            : null;
        return payload is null ? Results.BadRequest() : Answer(await handler.HandleAsync(payload, context.RequestAborted));
    }

    private static IResult Answer(SlackAck ack) =>
        ack.Body is null ? Results.StatusCode(ack.StatusCode) : Results.Text(ack.Body.ToJsonString(), "application/json", Encoding.UTF8, ack.StatusCode);

    private static bool IsForm(HttpRequest request) =>
        request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The form's fields; null when a field repeats (ambiguous) or the body is not UTF-8 text.</summary>
    private static Dictionary<string, string>? Form(byte[] body)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, values) in QueryHelpers.ParseQuery(text))
        {
            if (values.Count != 1)
            {
                return null;
            }

            fields[key] = values[0] ?? "";
        }

        return fields;
    }

    private static JsonObject? ParseObject(byte[] json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
