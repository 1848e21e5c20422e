using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PolicyBot.Hosting;
using PolicyBot.Teams;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Teams;

/// <summary>
/// PolicyBot's services and <c>/api/messages</c> on a loopback port, with a fresh database, a manual clock, and the
/// Teams section pointed at a <see cref="BotFrameworkFake"/> (or, unauthenticated, at a given service host).
/// </summary>
public sealed class TeamsTestApp : IAsyncDisposable
{
    private readonly string directory;

    private TeamsTestApp(WebApplication app, ManualTimeProvider clock, string directory)
    {
        App = app;
        Clock = clock;
        this.directory = directory;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public WebApplication App { get; }

    public ManualTimeProvider Clock { get; }

    public HttpClient Client { get; }

    public T Get<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Starts the app; with <paramref name="fake"/> the bot is authenticated against it, without it runs as in local development.</summary>
    public static async Task<TeamsTestApp> StartAsync(BotFrameworkFake? fake, IDictionary<string, string?>? settings = null)
    {
        var directory = Directory.CreateTempSubdirectory("policybot-teams").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "teams.db")}",
            ["Teams:AllowedServiceUrls:0"] = "127.0.0.1",
            ["Teams:AllowedServiceUrls:1"] = "localhost",
        };
        if (fake is not null)
        {
            values["Teams:AppId"] = BotFrameworkFake.AppId;
            values["Teams:AppPassword"] = "s3cret-value";
            values["Teams:TenantId"] = BotFrameworkFake.TenantId;
            values["Teams:OpenIdMetadataUrl"] = fake.MetadataUrl;
            values["Teams:EntraOpenIdMetadataUrl"] = fake.EntraMetadataUrl;
            values["Teams:TokenEndpoint"] = fake.TokenEndpoint;
        }
        else
        {
            values["Teams:AppId"] = "";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing", Args = [] });
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(values);
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Services.AddPolicyBot(builder.Configuration);
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
        builder.Services.RemoveAll<TimeProvider>();
        builder.Services.AddSingleton<TimeProvider>(clock);
        var app = builder.Build();
        app.MapTeams();
        await app.StartAsync();
        return new TeamsTestApp(app, clock, directory);
    }

    /// <summary>POSTs an activity to <c>/api/messages</c>, with a bearer token when one is given.</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(string json, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, TeamsEndpoints.Path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
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
