using PolicyBot.Chat;

namespace PolicyBot.Teams;

/// <summary>Registers the Teams bot when a <c>Teams</c> configuration section exists (otherwise nothing, so the console stays the default).</summary>
public static class TeamsServiceCollectionExtensions
{
    /// <summary>The named HttpClient for Connector, token and metadata calls (no redirects: a token never follows one).</summary>
    public const string HttpClientName = "teams";

    public static IServiceCollection AddTeams(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetSection(TeamsOptions.Section).Exists())
        {
            return services;
        }

        services.AddOptionsWithValidateOnStart<TeamsOptions>().BindConfiguration(TeamsOptions.Section).ValidateDataAnnotations();
        services.AddHttpClient(HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(30))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services
            .AddSingleton<SigningKeyFetcher>()
            .AddSingleton<SigningKeyCache>()
            .AddSingleton<BotTokenValidator>()
            .AddSingleton<InboundRequestAuthenticator>()
            .AddSingleton<ServiceUrlPolicy>()
            .AddSingleton<ConnectorTokenProvider>()
            .AddSingleton<ConnectorClient>()
            .AddSingleton<ConversationPacer>()
            .AddSingleton<AdaptiveCardRenderer>()
            .AddSingleton<TeamsAdapter>()
            .AddSingleton<IChatAdapter>(sp => sp.GetRequiredService<TeamsAdapter>())
            .AddSingleton<TeamsTurnHandler>()
            .AddSingleton<TeamsTurnQueue>()
            .AddHostedService(sp => sp.GetRequiredService<TeamsTurnQueue>());
        return services;
    }
}
