using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using PolicyBot.Chat;
using PolicyBot.Cli;
using PolicyBot.Hosting;

namespace PolicyBot.Tests.Teams;

public sealed class TeamsHostingTests
{
    [Fact]
    public async Task Serve_Maps_The_Messaging_Endpoint_And_Registers_Teams_Only_When_Configured()
    {
        var directory = Directory.CreateTempSubdirectory("policybot-teams-serve").FullName;
        await using var fake = await BotFrameworkFake.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "serve.db")}",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Teams:AppId"] = BotFrameworkFake.AppId,
            ["Teams:AppPassword"] = "s3cret-value",
            ["Teams:OpenIdMetadataUrl"] = fake.MetadataUrl,
            ["Teams:TokenEndpoint"] = fake.TokenEndpoint,
        };
        await using var app = PolicyBotHost.BuildWebApp(["--urls", "http://127.0.0.1:0"], new CliEnvironment(new StringWriter(), new StringWriter(), settings));
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        var unauthenticated = await client.PostAsync("/api/messages", new StringContent(TeamsFixtures.Load("message-personal", fake.ServiceUrl), Encoding.UTF8, "application/json"));
        var get = await client.GetAsync("/api/messages");
        var adapters = app.Services.GetServices<IChatAdapter>().Select(a => a.Platform).ToList();
        await app.StopAsync();

        unauthenticated.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        get.StatusCode.ShouldBe(HttpStatusCode.MethodNotAllowed);
        adapters.ShouldBe(["teams"]);
        fake.ConnectorRequests.ShouldBeEmpty();
    }
}
