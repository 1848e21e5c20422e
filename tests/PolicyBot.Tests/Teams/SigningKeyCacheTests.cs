using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using PolicyBot.Teams;

namespace PolicyBot.Tests.Teams;

public sealed class SigningKeyCacheTests
{
    [Fact]
    public async Task Keys_Are_Fetched_Again_After_The_Refresh_Interval()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);
        var cache = services.Get<SigningKeyCache>();

        await cache.GetAsync(fake.MetadataUrl, BotFrameworkFake.EndorsedKeyId, CancellationToken.None);
        services.Clock.Advance(TimeSpan.FromHours(23));
        await cache.GetAsync(fake.MetadataUrl, BotFrameworkFake.EndorsedKeyId, CancellationToken.None);
        var before = fake.MetadataFetches;
        services.Clock.Advance(TimeSpan.FromHours(2));
        await cache.GetAsync(fake.MetadataUrl, BotFrameworkFake.EndorsedKeyId, CancellationToken.None);

        before.ShouldBe(1);
        fake.MetadataFetches.ShouldBe(2);
    }

    [Fact]
    public async Task A_Rotated_Key_Is_Picked_Up_When_A_Token_Names_It_At_Most_Once_Per_Five_Minutes()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);
        var validator = services.Get<BotTokenValidator>();
        var now = services.Clock.GetUtcNow();
        (await validator.ValidateAsync($"Bearer {fake.Sign(now)}", fake.ServiceUrl, "msteams", CancellationToken.None)).Valid.ShouldBeTrue();

        fake.PublishedKeys.Add((fake.StrangerKey, "rotated-key", ["msteams"]));
        services.Clock.Advance(SigningKeyCache.MinimumRefreshGap);
        now = services.Clock.GetUtcNow();
        var early = await validator.ValidateAsync($"Bearer {fake.Sign(now, key: fake.StrangerKey, keyId: "rotated-key")}", fake.ServiceUrl, "msteams", CancellationToken.None);
        var unknown = await validator.ValidateAsync($"Bearer {fake.Sign(now, key: fake.StrangerKey, keyId: "made-up")}", fake.ServiceUrl, "msteams", CancellationToken.None);

        early.Valid.ShouldBeTrue(early.Error);
        unknown.Valid.ShouldBeFalse();
        fake.MetadataFetches.ShouldBe(2); // the made-up kid did not cause a third fetch
    }

    [Fact]
    public async Task A_Failed_Refresh_Keeps_The_Previous_Keys()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);
        var cache = services.Get<SigningKeyCache>();
        var first = await cache.GetAsync(fake.MetadataUrl, null, CancellationToken.None);

        fake.Server.Map("GET", "/botframework/openidconfiguration", Infrastructure.LoopbackServer.Respond(503, "down"));
        services.Clock.Advance(TimeSpan.FromDays(2));
        var second = await cache.GetAsync(fake.MetadataUrl, null, CancellationToken.None);

        second.ShouldBeSameAs(first);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"issuer\":\"x\"}")]
    [InlineData("{\"jwks_uri\":\"https://attacker.example/keys\"}")]
    [InlineData("{\"jwks_uri\":\"http://example.org/keys\"}")]
    public async Task Bad_Metadata_Gives_No_Keys_And_No_Exception(string metadata)
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        fake.Server.Map("GET", "/botframework/openidconfiguration", Infrastructure.LoopbackServer.Respond(200, metadata, "application/json"));
        await using var services = await TeamsServices.CreateAsync(fake);

        var (keys, error) = await services.Get<SigningKeyFetcher>().FetchAsync(fake.MetadataUrl, CancellationToken.None);

        keys.ShouldBeNull();
        error.ShouldNotBeNull();
    }

    [Fact]
    public async Task Endorsements_Are_Read_Per_Key()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);

        var (keys, _) = await services.Get<SigningKeyFetcher>().FetchAsync(fake.MetadataUrl, CancellationToken.None);

        keys!.Keys.Select(k => k.KeyId).ShouldBe([BotFrameworkFake.EndorsedKeyId, BotFrameworkFake.UnendorsedKeyId, BotFrameworkFake.BareKeyId]);
        keys.Endorsements[BotFrameworkFake.EndorsedKeyId].ShouldBe(["msteams", "webchat"]);
        keys.Endorsements.ContainsKey(BotFrameworkFake.BareKeyId).ShouldBeFalse();
        keys.Issuer.ShouldBe(TeamsOptions.BotFrameworkIssuer);
    }

    [Fact]
    public async Task Validator_Rejects_An_Endorsed_Key_For_Another_Channel()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);

        var outcome = await services.Get<BotTokenValidator>().ValidateAsync($"Bearer {fake.Sign(services.Clock.GetUtcNow())}", fake.ServiceUrl, "skype", CancellationToken.None);

        outcome.Valid.ShouldBeFalse();
        outcome.Error.ShouldNotBeNull().ShouldContain("not endorsed");
    }

    [Fact]
    public async Task Validator_Accepts_A_Serviceurl_Claim_Differing_Only_In_Case()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);
        var token = fake.Sign(services.Clock.GetUtcNow(), serviceUrl: fake.ServiceUrl.ToUpperInvariant());

        (await services.Get<BotTokenValidator>().ValidateAsync($"Bearer {token}", fake.ServiceUrl, "msteams", CancellationToken.None)).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task Validator_Accepts_RS384_And_RS512_Tokens()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);
        var validator = services.Get<BotTokenValidator>();
        var now = services.Clock.GetUtcNow();

        (await validator.ValidateAsync($"Bearer {fake.Sign(now, algorithm: SecurityAlgorithms.RsaSha384)}", fake.ServiceUrl, "msteams", CancellationToken.None)).Valid.ShouldBeTrue();
        (await validator.ValidateAsync($"Bearer {fake.Sign(now, algorithm: SecurityAlgorithms.RsaSha512)}", fake.ServiceUrl, "msteams", CancellationToken.None)).Valid.ShouldBeTrue();
    }

    [Fact]
    public async Task Validator_Rejects_PS256_Outside_The_RS256_Family()
    {
        await using var fake = await BotFrameworkFake.StartAsync();
        await using var services = await TeamsServices.CreateAsync(fake);

        var outcome = await services.Get<BotTokenValidator>().ValidateAsync($"Bearer {fake.Sign(services.Clock.GetUtcNow(), algorithm: SecurityAlgorithms.RsaSsaPssSha256)}", fake.ServiceUrl, "msteams", CancellationToken.None);

        outcome.Valid.ShouldBeFalse();
        outcome.Error.ShouldNotBeNull().ShouldContain("not allowed");
    }
}
