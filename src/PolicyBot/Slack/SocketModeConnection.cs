using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PolicyBot.Slack;

/// <summary>
/// One Socket Mode WebSocket: waits for <c>hello</c>, acknowledges each envelope (<c>events_api</c>,
/// <c>slash_commands</c>, <c>interactive</c>) with its <c>envelope_id</c> and the same answer the HTTP endpoint
/// would give, and returns when Slack says <c>disconnect</c> or the socket drops. Envelopes are handled concurrently;
/// sends are serialised.
/// </summary>
public sealed partial class SocketModeConnection(
    SlackCommandResponder commands,
    SlackEventHandler events,
    SlackInteractionHandler interactions,
    SlackDeferredWork deferred,
    ILogger<SocketModeConnection> logger)
{
    /// <summary>The largest message read; a larger one ends the connection.</summary>
    public const int MaxMessageBytes = 1 << 20;

    /// <summary>Connects to <paramref name="url"/> and serves it until it ends.</summary>
    /// <returns>Whether Slack said hello (the connection worked) and whether it asked us to reconnect.</returns>
    public async Task<(bool Hello, bool Disconnected)> RunAsync(Uri url, CancellationToken cancellationToken)
    {
        using var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = TimeSpan.FromSeconds(10);
        socket.Options.KeepAliveTimeout = TimeSpan.FromSeconds(30);
        using var sendGate = new SemaphoreSlim(1, 1);
        var hello = false;
        var handling = new List<Task>();
        try
        {
            await socket.ConnectAsync(url, cancellationToken);
            while (socket.State == WebSocketState.Open)
            {
                var message = await ReceiveAsync(socket, cancellationToken);
                if (message is null)
                {
                    break;
                }

                switch (message["type"]?.GetValueKind() == JsonValueKind.String ? message["type"]!.GetValue<string>() : null)
                {
                    case "hello":
                        hello = true;
                        Log.Hello(logger);
                        break;
                    case "disconnect":
                        Log.Disconnect(logger, message["reason"]?.ToString() ?? "");
                        return (hello, true);
                    default:
                        if (message["envelope_id"] is JsonValue id && id.TryGetValue<string>(out var envelopeId))
                        {
                            handling.RemoveAll(t => t.IsCompleted);
                            handling.Add(HandleAsync(socket, sendGate, envelopeId, message, cancellationToken));
                        }

                        break;
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or InvalidOperationException)
        {
            Log.Dropped(logger, exception.GetType().Name, exception.Message);
        }
        finally
        {
            await Task.WhenAll(handling);
        }

        return (hello, false);
    }

    private async Task HandleAsync(ClientWebSocket socket, SemaphoreSlim sendGate, string envelopeId, JsonObject envelope, CancellationToken cancellationToken)
    {
        try
        {
            await AnswerAsync(socket, sendGate, envelopeId, envelope, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // shutting down
        }
        catch (Exception exception)
        {
            Log.EnvelopeFailed(logger, exception);
        }
    }

    private async Task AnswerAsync(ClientWebSocket socket, SemaphoreSlim sendGate, string envelopeId, JsonObject envelope, CancellationToken cancellationToken)
    {
        var payload = envelope["payload"] as JsonObject ?? [];
        JsonObject? answer = null;
        switch (envelope["type"]?.ToString())
        {
            case "events_api":
                // acknowledge first, as Slack asks; the event handler de-duplicates Slack's retries by event_id
                await SendAsync(socket, sendGate, new JsonObject { ["envelope_id"] = envelopeId }, cancellationToken);
                deferred.Run(stopping => events.HandleAsync(payload, stopping), "Socket Mode event");
                return;
            case "slash_commands":
                answer = SlashCommand.From(payload) is { } command ? (await commands.RespondAsync(command, cancellationToken)).Body : null;
                break;
            case "interactive":
                answer = (await interactions.HandleAsync(payload, cancellationToken)).Body;
                break;
        }

        var ack = new JsonObject { ["envelope_id"] = envelopeId };
        if (answer is not null)
        {
            ack["payload"] = answer;
        }

        await SendAsync(socket, sendGate, ack, cancellationToken);
    }

    private async Task SendAsync(ClientWebSocket socket, SemaphoreSlim sendGate, JsonObject message, CancellationToken cancellationToken)
    {
        var bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await sendGate.WaitAsync(cancellationToken);
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
            }
        }
        catch (WebSocketException exception)
        {
            Log.Dropped(logger, nameof(WebSocketException), exception.Message);
        }
        finally
        {
            sendGate.Release();
        }
    }

    /// <summary>The next JSON object message; null when the socket closed, or a message was too large or not an object.</summary>
    private async Task<JsonObject?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>();
        while (true)
        {
            var memory = buffer.GetMemory(8192);
            var result = await socket.ReceiveAsync(memory, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxMessageBytes)
            {
                Log.TooLarge(logger);
                await socket.CloseOutputAsync(WebSocketCloseStatus.MessageTooBig, "too large", cancellationToken);
                return null;
            }

            if (result.EndOfMessage)
            {
                break;
            }
        }

        try
        {
            if (JsonNode.Parse(buffer.WrittenSpan) is JsonObject message)
            {
                return message;
            }
        }
        catch (JsonException)
        {
            // reported below
        }

        Log.NotAnObject(logger);
        return [];
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 6901, Level = LogLevel.Information, Message = "Slack Socket Mode: connected (hello)")]
        public static partial void Hello(ILogger logger);

        [LoggerMessage(EventId = 6902, Level = LogLevel.Information, Message = "Slack Socket Mode: disconnect requested ({Reason}); reconnecting")]
        public static partial void Disconnect(ILogger logger, string reason);

        [LoggerMessage(EventId = 6903, Level = LogLevel.Warning, Message = "Slack Socket Mode: connection dropped ({Kind}: {Detail})")]
        public static partial void Dropped(ILogger logger, string kind, string detail);

        [LoggerMessage(EventId = 6904, Level = LogLevel.Warning, Message = "Slack Socket Mode: a message over 1 MB; connection closed")]
        public static partial void TooLarge(ILogger logger);

        [LoggerMessage(EventId = 6906, Level = LogLevel.Error, Message = "Slack Socket Mode: an envelope could not be handled")]
        public static partial void EnvelopeFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 6905, Level = LogLevel.Warning, Message = "Slack Socket Mode: a message that is not a JSON object was ignored")]
        public static partial void NotAnObject(ILogger logger);
    }
}
