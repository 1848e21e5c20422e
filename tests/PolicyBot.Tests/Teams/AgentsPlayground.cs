using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;

namespace PolicyBot.Tests.Teams;

/// <summary>
/// The Microsoft 365 Agents Playground (npm <c>@microsoft/m365agentsplayground</c>, installed by <c>npm ci</c> in
/// tests/playground) run as a child process: Teams and the Bot Framework Connector for a bot on loopback, with auth
/// and telemetry off. Started with <c>node cli.js</c> (not npx, whose kill leaves the server running), its port read
/// from its "Listening on N" line, its conversation websocket opened before anything is sent.
/// </summary>
public sealed class AgentsPlayground : IAsyncDisposable
{
    public const string PersonalConversation = "personal-1";

    private readonly Process process;
    private readonly string workDirectory;
    private readonly ClientWebSocket socket = new();
    private readonly Channel<JsonElement> frames = Channel.CreateUnbounded<JsonElement>();
    private readonly CancellationTokenSource stopping = new();
    private Task? reader;

    private AgentsPlayground(Process process, string workDirectory, int port)
    {
        this.process = process;
        this.workDirectory = workDirectory;
        Port = port;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(20) };
    }

    public int Port { get; }

    public HttpClient Http { get; }

    /// <summary>tests/playground/node_modules/@microsoft/m365agentsplayground/cli.js, found above the test binaries; null when not installed.</summary>
    public static string? FindCli()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var cli = Path.Combine(directory.FullName, "tests", "playground", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
            if (File.Exists(cli))
            {
                return cli;
            }
        }

        return null;
    }

    /// <summary>Starts the playground for a bot at <paramref name="botEndpoint"/> and connects to its conversation stream.</summary>
    public static async Task<AgentsPlayground> StartAsync(string botEndpoint, TimeSpan timeout)
    {
        var cli = FindCli() ?? throw new InvalidOperationException(
            "The Microsoft 365 Agents Playground is not installed: run `npm ci` in tests/playground (CI's .ci/run does this) — node and npm are required.");
        var workDirectory = Directory.CreateTempSubdirectory("policybot-playground").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "-e", botEndpoint, "-c", "msteams", "--dt", "-p", "0", "--conversation-id", PersonalConversation })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        start.Environment["M365_AGENTS_PLAYGROUND_LOGFILE"] = Path.Combine(workDirectory, "playground.log");
        foreach (var variable in new[] { "AUTH_CLIENT_ID", "AUTH_CLIENT_SECRET", "AUTH_TENANT_ID", "M365_AGENTS_PLAYGROUND_CONFIG_PATH", "M365_AGENTS_PLAYGROUND_TARGET_SDK", "M365_AGENTS_PLAYGROUND_SERVICE_URL", "M365_AGENTS_PLAYGROUND_DELIVERY_MODE", "BOT_ENDPOINT" })
        {
            start.Environment.Remove(variable);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"Cannot run node for the Agents Playground: {exception.Message}", exception);
        }

        var errors = new StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            lock (errors)
            {
                errors.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        try
        {
            var port = await ReadPortAsync(process, timeout);
            _ = process.StandardOutput.ReadToEndAsync(); // keep the pipe drained
            var playground = new AgentsPlayground(process, workDirectory, port);
            await playground.ConnectAsync(timeout);
            return playground;
        }
        catch (Exception exception)
        {
            Stop(process);
            string stderr;
            lock (errors)
            {
                stderr = errors.ToString();
            }

            throw new InvalidOperationException($"The Agents Playground did not start within {timeout}: {exception.Message}\n{stderr}", exception);
        }
    }

    /// <summary>POSTs JSON to a playground route and fails the test on a non-success status.</summary>
    public async Task PostAsync(string path, object body)
    {
        using var content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(path, content);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue($"POST {path} → {(int)response.StatusCode} {text}");
    }

    /// <summary>The next conversation-stream frame for <paramref name="conversationId"/> with this action, within the timeout.</summary>
    public async Task<JsonElement> NextFrameAsync(string conversationId, string action, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                var frame = await frames.Reader.ReadAsync(cancel.Token);
                if (frame.TryGetProperty("action", out var a) && a.GetString() == action
                    && frame.TryGetProperty("actionConversationId", out var c) && c.GetString() == conversationId)
                {
                    return frame;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No '{action}' frame for {conversationId} within {timeout}; the playground log is {Path.Combine(workDirectory, "playground.log")}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var close = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "done", close.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // the process is stopped next anyway
        }

        Stop(process);
        if (reader is not null)
        {
            await reader.ContinueWith(_ => { }, TaskScheduler.Default);
        }

        socket.Dispose();
        Http.Dispose();
        process.Dispose();
        stopping.Dispose();
        try
        {
            Directory.Delete(workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder
        }
    }

    private static async Task<int> ReadPortAsync(Process process, TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        while (await process.StandardOutput.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith("Listening on ", StringComparison.Ordinal) && int.TryParse(line.AsSpan(13).Trim(), out var port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"the playground exited (code {(process.HasExited ? process.ExitCode : -1)}) without announcing its port");
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private async Task ConnectAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        using (var ping = await Http.GetAsync("_debug/ping", cancel.Token))
        {
            (await ping.Content.ReadAsStringAsync(cancel.Token)).ShouldBe("pong");
        }

        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{Port}/_ws_conversation/v1/conversations/stream"), cancel.Token);
        reader = Task.Run(ReadFramesAsync);
    }

    private async Task ReadFramesAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (socket.State == WebSocketState.Open)
            {
                var result = await socket.ReceiveAsync(buffer, stopping.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, result.Count);
                if (!result.EndOfMessage)
                {
                    continue;
                }

                try
                {
                    using var document = JsonDocument.Parse(message.ToArray());
                    await frames.Writer.WriteAsync(document.RootElement.Clone(), stopping.Token);
                }
                catch (JsonException)
                {
                    // not a frame we understand
                }

                message.SetLength(0);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // stopped
        }
        finally
        {
            frames.Writer.TryComplete();
        }
    }
}
