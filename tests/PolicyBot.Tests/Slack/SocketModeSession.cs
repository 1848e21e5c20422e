using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace PolicyBot.Tests.Slack;

/// <summary>One Socket Mode connection, from the fake server's side.</summary>
public sealed class SocketModeSession(WebSocket socket)
{
    public Task SendAsync(JsonObject message) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    public Task SendHelloAsync() => SendAsync(new JsonObject
    {
        ["type"] = "hello",
        ["num_connections"] = 1,
        ["debug_info"] = new JsonObject { ["host"] = "applink-111-222", ["build_number"] = 10, ["approximate_connection_time"] = 18060 },
        ["connection_info"] = new JsonObject { ["app_id"] = "A111" },
    });

    public Task SendDisconnectAsync(string reason = "refresh_requested") => SendAsync(new JsonObject
    {
        ["type"] = "disconnect",
        ["reason"] = reason,
        ["debug_info"] = new JsonObject { ["host"] = "applink-111-xxx" },
    });

    /// <summary>The next message from the client (fails after 30 s).</summary>
    public async Task<JsonObject> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return (JsonObject)JsonNode.Parse(message.ToArray())!;
    }

    /// <summary>Waits for the client to close (or the connection to drop).</summary>
    public async Task WaitForCloseAsync()
    {
        var buffer = new byte[1024];
        try
        {
            while ((await socket.ReceiveAsync(buffer, CancellationToken.None)).MessageType != WebSocketMessageType.Close)
            {
            }
        }
        catch (WebSocketException)
        {
            // dropped
        }
    }
}
