using PolicyBot.Chat;

namespace PolicyBot.Slack;

/// <summary>Registers Slack according to what is configured: endpoints with <c>Slack:SigningSecret</c>, the adapter
/// (and <c>auth.test</c> at start-up) with <c>Slack:BotToken</c>, Socket Mode with <c>Slack:AppToken</c>.</summary>
public static class SlackServices
{
    public static IServiceCollection AddSlack(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptionsWithValidateOnStart<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateDataAnnotations();
        var slack = configuration.GetSection(SlackOptions.Section).Get<SlackOptions>() ?? new SlackOptions();
        if (!slack.HasSigningSecret && !slack.HasBotToken && !slack.HasAppToken)
        {
            return services;
        }

        services.AddHttpClient(SlackWebApiClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services
            .AddSingleton<SlackWebApiClient>()
            .AddSingleton<BlockKitRenderer>()
            .AddSingleton<SlackWorkspaceAdmins>()
            .AddSingleton<SlackCommandRunner>()
            .AddSingleton<SlackCommandResponder>()
            .AddSingleton<SlackDeferredWork>()
            .AddHostedService(sp => sp.GetRequiredService<SlackDeferredWork>())
            .AddSingleton<SlackHomeView>()
            .AddSingleton<SlackHomePublisher>()
            .AddSingleton<SlackAddSourceModal>()
            .AddSingleton<SlackEventHandler>()
            .AddSingleton<SlackInteractionHandler>();

        if (slack.HasSigningSecret)
        {
            services.AddSingleton<SlackRequestGate>();
        }

        if (slack.HasBotToken)
        {
            services.AddSingleton<SlackAdapter>().AddSingleton<IChatAdapter>(sp => sp.GetRequiredService<SlackAdapter>());
            services.AddHostedService<SlackStartupCheck>();
        }

        if (slack.HasAppToken)
        {
            services.AddSingleton<SocketModeConnection>().AddHostedService<SlackSocketModeService>();
        }

        return services;
    }
}
