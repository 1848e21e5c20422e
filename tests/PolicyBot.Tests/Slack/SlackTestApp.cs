using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Cli;
using PolicyBot.Hosting;
using PolicyBot.Slack;

namespace PolicyBot.Tests.Slack;

/// <summary>
/// The real PolicyBot web app (as <c>serve</c> builds it) on a loopback port, configured for Slack against a
/// <see cref="FakeSlackApi"/>, with its own SQLite file; requests are signed like Slack signs them.
/// </summary>
public sealed class SlackTestApp : IAsyncDisposable
{
    /// <summary>Slack's published example signing secret.</summary>
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";

    private readonly string directory;

    private SlackTestApp(FakeSlackApi slack, WebApplication app, HttpClient client, string directory)
    {
        Slack = slack;
        App = app;
        Client = client;
        this.directory = directory;
    }

    public FakeSlackApi Slack { get; }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    public static async Task<SlackTestApp> StartAsync(IDictionary<string, string?>? settings = null, FakeSlackApi? slack = null)
    {
        slack ??= await FakeSlackApi.StartAsync();
        var directory = Directory.CreateTempSubdirectory("policybot-slack").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "slack.db")}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Polling:JobInterval"] = "01:00:00",
            ["Slack:SigningSecret"] = SigningSecret,
            ["Slack:BotToken"] = FakeSlackApi.BotToken,
            ["Slack:ApiBaseUrl"] = slack.ApiBaseUrl.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var environment = new CliEnvironment(TextWriter.Null, TextWriter.Null, values);
        var app = PolicyBotHost.BuildWebApp(["--urls", "http://127.0.0.1:0"], environment);
        await app.StartAsync();
        if (!string.IsNullOrEmpty(values["Slack:BotToken"]))
        {
            await slack.WaitForCallsAsync("auth.test"); // made once at start-up; waited for so tests count calls from a quiet start
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SlackTestApp(slack, app, new HttpClient { BaseAddress = new Uri(address) }, directory);
    }

    /// <summary>Now, as Slack would stamp a request.</summary>
    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>POSTs <paramref name="body"/> signed with the app's secret (or with the given timestamp / signature).</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(string path, string body, string contentType, long? timestamp = null, string? signature = null)
    {
        var stamp = timestamp ?? Now;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        request.Headers.Add("X-Slack-Request-Timestamp", stamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("X-Slack-Signature", signature ?? SlackRequestSigner.Signature(SigningSecret, stamp, body));
        return await Client.SendAsync(request);
    }

    /// <summary>A <c>/policy</c> command built from the corpus slash-command form, signed and posted.</summary>
    public Task<HttpResponseMessage> CommandAsync(string text, string user = "W111", string channel = "C111", string? responseUrl = null) =>
        PostSignedAsync("/slack/commands", CommandBody(text, user, channel, responseUrl ?? Slack.ResponseUrl("default")), "application/x-www-form-urlencoded");

    /// <summary>An Events API callback; a retry is stamped later than the original, as Slack re-signs what it retries.</summary>
    public Task<HttpResponseMessage> EventAsync(JsonObject body, long? timestamp = null) => PostSignedAsync("/slack/events", body.ToJsonString(), "application/json", timestamp);

    public Task<HttpResponseMessage> InteractionAsync(JsonObject payload) =>
        PostSignedAsync("/slack/interactivity", "payload=" + Uri.EscapeDataString(payload.ToJsonString()), "application/x-www-form-urlencoded");

    /// <summary>Waits for Slack work that continues after an acknowledgement.</summary>
    public Task IdleAsync() => Get<SlackDeferredWork>().IdleAsync();

    /// <summary>The corpus slash command with PolicyBot's command, text, user, channel and response_url.</summary>
    public static string CommandBody(string text, string user, string channel, string responseUrl)
    {
        var fields = QueryHelpers.ParseQuery(SlackTestData.Text("payloads", "slash_command.form.txt"))
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        fields["command"] = "/policy";
        fields["text"] = text;
        fields["user_id"] = user;
        fields["channel_id"] = channel;
        fields["response_url"] = responseUrl;
        return string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        await Slack.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // the OS cleans the temp folder
        }
    }
}
