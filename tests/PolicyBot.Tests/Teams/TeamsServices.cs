using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Teams;

/// <summary>PolicyBot's services (no web host) with the Teams section pointed at a <see cref="BotFrameworkFake"/>.</summary>
public static class TeamsServices
{
    public static Task<TestServices> CreateAsync(BotFrameworkFake fake, IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Teams:AppId"] = BotFrameworkFake.AppId,
            ["Teams:AppPassword"] = "s3cret-value",
            ["Teams:TenantId"] = BotFrameworkFake.TenantId,
            ["Teams:OpenIdMetadataUrl"] = fake.MetadataUrl,
            ["Teams:EntraOpenIdMetadataUrl"] = fake.EntraMetadataUrl,
            ["Teams:TokenEndpoint"] = fake.TokenEndpoint,
            ["Teams:AllowedServiceUrls:0"] = "127.0.0.1",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return TestServices.CreateAsync(settings);
    }
}
