using System.Net;
using Microsoft.IdentityModel.Tokens;
using PolicyBot.Chat;
using PolicyBot.Teams;

namespace PolicyBot.Tests.Teams;

/// <summary><c>POST /api/messages</c> with tokens signed here by a local RSA key served from loopback OpenID metadata.</summary>
public sealed class InboundAuthenticationTests(InboundAuthenticationTests.Fixture fixture) : IClassFixture<InboundAuthenticationTests.Fixture>
{
    public static TheoryData<string> InvalidTokens =>
    [
        "expired", "not yet valid", "wrong audience", "wrong issuer", "unendorsed key", "key without endorsements", "mismatched serviceurl",
        "bad signature", "alg none", "hmac signed", "tampered payload", "no token", "basic scheme", "garbage",
    ];

    [Fact]
    public async Task Valid_Token_Is_Accepted_And_The_Command_Is_Answered_With_A_Card_Using_The_Outbound_Token()
    {
        var fake = fixture.Fake;
        fake.MapConnector("POST", "/connector/v3/conversations/a:conversation-valid/activities/activity-valid");
        var json = TeamsFixtures.Load("message-personal", fake.ServiceUrl, TeamsFixtures.Isolate("valid"));

        var response = await fixture.App.PostActivityAsync(json, fake.Sign(fixture.App.Clock.GetUtcNow()));
        var reply = await fake.ConnectorCall("conversation-valid");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        reply.Header("Authorization").ShouldStartWith("Bearer connector-token-");
        var activity = BotFrameworkFake.Json(reply);
        activity.GetProperty("replyToId").GetString().ShouldBe("activity-valid");
        activity.GetProperty("attachments")[0].GetProperty("contentType").GetString().ShouldBe(AdaptiveCardRenderer.ContentType);
        (await fixture.App.Get<ChannelStore>().FindAsync(new ChatChannel("teams", "a:conversation-valid"), CancellationToken.None)).ShouldNotBeNull();
    }

    [Fact]
    public async Task Token_Within_Five_Minutes_Of_Clock_Skew_Is_Accepted()
    {
        var fake = fixture.Fake;
        fake.MapConnector("POST", "/connector/v3/conversations/a:conversation-skew/activities/activity-skew");
        var now = fixture.App.Clock.GetUtcNow();
        var json = TeamsFixtures.Load("message-personal", fake.ServiceUrl, TeamsFixtures.Isolate("skew"));

        var response = await fixture.App.PostActivityAsync(json, fake.Sign(now, notBeforeOffset: TimeSpan.FromMinutes(4), expiresOffset: TimeSpan.FromMinutes(30)));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Entra_Issued_Token_From_The_Bots_Tenant_Is_Accepted()
    {
        var fake = fixture.Fake;
        fake.MapConnector("POST", "/connector/v3/conversations/a:conversation-entra/activities/activity-entra");
        var json = TeamsFixtures.Load("message-personal", fake.ServiceUrl, TeamsFixtures.Isolate("entra"));
        var token = fake.Sign(fixture.App.Clock.GetUtcNow(), issuer: $"https://login.microsoftonline.com/{BotFrameworkFake.TenantId}/v2.0", key: fake.EntraKey, keyId: BotFrameworkFake.EntraKeyId);

        var response = await fixture.App.PostActivityAsync(json, token);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Entra_Token_From_Another_Tenant_Is_Rejected()
    {
        var fake = fixture.Fake;
        var json = TeamsFixtures.Load("message-personal", fake.ServiceUrl, TeamsFixtures.Isolate("entra-other"));
        var token = fake.Sign(fixture.App.Clock.GetUtcNow(), issuer: "https://login.microsoftonline.com/99999999-9999-9999-9999-999999999999/v2.0", key: fake.EntraKey, keyId: BotFrameworkFake.EntraKeyId);

        var response = await fixture.App.PostActivityAsync(json, token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(InvalidTokens))]
    public async Task Invalid_Token_Gets_401_And_Causes_Nothing(string kind)
    {
        var fake = fixture.Fake;
        var suffix = kind.Replace(' ', '-');
        var now = fixture.App.Clock.GetUtcNow();
        var json = TeamsFixtures.Load("message-personal", fake.ServiceUrl, TeamsFixtures.Isolate(suffix));
        var token = kind switch
        {
            "expired" => fake.Sign(now, notBeforeOffset: TimeSpan.FromMinutes(-70), expiresOffset: TimeSpan.FromMinutes(-6)),
            "not yet valid" => fake.Sign(now, notBeforeOffset: TimeSpan.FromMinutes(6), expiresOffset: TimeSpan.FromMinutes(60)),
            "wrong audience" => fake.Sign(now, audience: "11111111-2222-3333-4444-555555555555"),
            "wrong issuer" => fake.Sign(now, issuer: "https://api.botframework.example"),
            "unendorsed key" => fake.Sign(now, key: fake.UnendorsedKey, keyId: BotFrameworkFake.UnendorsedKeyId),
            "key without endorsements" => fake.Sign(now, key: fake.BareKey, keyId: BotFrameworkFake.BareKeyId),
            "mismatched serviceurl" => fake.Sign(now, serviceUrl: "https://smba.trafficmanager.net/emea/"),
            "bad signature" => fake.Sign(now, key: fake.StrangerKey, keyId: BotFrameworkFake.EndorsedKeyId),
            "alg none" => fake.Unsigned(now),
            "hmac signed" => HmacSigned(fake, now),
            "tampered payload" => Tampered(fake.Sign(now), fake.Sign(now, audience: "11111111-2222-3333-4444-555555555555")),
            "no token" => null,
            "basic scheme" => "basic",
            _ => "not.a.jwt",
        };

        var response = kind == "basic scheme"
            ? await fixture.App.Client.SendAsync(new HttpRequestMessage(HttpMethod.Post, TeamsEndpoints.Path)
            {
                Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json"),
                Headers = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz") },
            })
            : await fixture.App.PostActivityAsync(json, token);

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await response.Content.ReadAsStringAsync()).ShouldBeEmpty();
        (await fixture.App.Get<ChannelStore>().FindAsync(new ChatChannel("teams", $"a:conversation-{suffix}"), CancellationToken.None)).ShouldBeNull();
        fake.ConnectorRequests.ShouldNotContain(r => r.Path.Contains($"conversation-{suffix}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Signing_Keys_Are_Fetched_Once_And_Cached_Across_Requests()
    {
        var fake = fixture.Fake;
        var now = fixture.App.Clock.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            fake.MapConnector("POST", $"/connector/v3/conversations/a:conversation-cache-{i}/activities/activity-cache-{i}");
            var json = TeamsFixtures.Load("message-personal", fake.ServiceUrl, TeamsFixtures.Isolate($"cache-{i}"));
            (await fixture.App.PostActivityAsync(json, fake.Sign(now))).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        fake.MetadataFetches.ShouldBe(1);
    }

    private static string HmacSigned(BotFrameworkFake fake, DateTimeOffset now)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = TeamsOptions.BotFrameworkIssuer,
            Audience = BotFrameworkFake.AppId,
            NotBefore = now.AddMinutes(-1).UtcDateTime,
            Expires = now.AddMinutes(30).UtcDateTime,
            Claims = new Dictionary<string, object> { ["serviceurl"] = fake.ServiceUrl },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(new byte[32]) { KeyId = BotFrameworkFake.EndorsedKeyId }, SecurityAlgorithms.HmacSha256),
        };
        return new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>The header and signature of <paramref name="signed"/> around the payload of <paramref name="other"/>.</summary>
    private static string Tampered(string signed, string other)
    {
        var a = signed.Split('.');
        var b = other.Split('.');
        return $"{a[0]}.{b[1]}.{a[2]}";
    }

    /// <summary>One fake Bot Framework and one app for the class (starting them is the slow part).</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public BotFrameworkFake Fake { get; private set; } = null!;

        public TeamsTestApp App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Fake = await BotFrameworkFake.StartAsync();
            App = await TeamsTestApp.StartAsync(Fake);
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            await Fake.DisposeAsync();
        }
    }
}
