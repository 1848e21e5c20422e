using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PolicyBot.Alerting;
using PolicyBot.Analysis;
using PolicyBot.Chat;
using PolicyBot.Commands;
using PolicyBot.Subscriptions;
using PolicyBot.Teams;
using PolicyBot.Analysis.Summaries;
using PolicyBot.Clustering;
using PolicyBot.Positions;
using PolicyBot.Data;
using PolicyBot.Digests;
using PolicyBot.Extraction;
using PolicyBot.Fetching;
using PolicyBot.History;
using PolicyBot.Polling;
using PolicyBot.Slack;
using PolicyBot.Sources;
using PolicyBot.Sources.Feeds;
using Quartz;

namespace PolicyBot.Hosting;

/// <summary>The composition root: every PolicyBot service, one <c>AddXxx</c> per area.</summary>
public static class PolicyBotServices
{
    public static IServiceCollection AddPolicyBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.AddSingleton<PrometheusCollector>();
        services.AddOptionsWithValidateOnStart<StorageOptions>().BindConfiguration(StorageOptions.Section).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<PollingOptions>().BindConfiguration(PollingOptions.Section).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<AlertingOptions>().BindConfiguration(AlertingOptions.Section).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<AnalysisOptions>().BindConfiguration(AnalysisOptions.Section).ValidateDataAnnotations();
        services.AddOptionsWithValidateOnStart<SourcesOptions>()
            .Configure(o => o.Items = configuration.GetSection(SourcesOptions.Section).Get<List<SourceDefinition>>() ?? []);
        services.AddSingleton<IValidateOptions<SourcesOptions>, SourcesOptionsValidator>();

        services.AddSlack(configuration);
        return services.AddData().AddClustering().AddSources().AddFetching().AddHistory().AddAnalysis().AddPolling().AddAlerting(configuration).AddChat().AddDigests()
            .AddCommands(configuration)
            .AddTeams(configuration);
    }

    /// <summary>The scheduler: the poll job and the dispatch job, in this process (only <c>serve</c> runs it).</summary>
    public static IServiceCollection AddScheduler(this IServiceCollection services, IConfiguration configuration)
    {
        var polling = configuration.GetSection(PollingOptions.Section).Get<PollingOptions>() ?? new PollingOptions();
        var alerting = configuration.GetSection(AlertingOptions.Section).Get<AlertingOptions>() ?? new AlertingOptions();
        services.AddQuartz(quartz =>
        {
            quartz.AddJob<PollJob>(job => job.WithIdentity(PollJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(PollJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(polling.JobInterval).RepeatForever()));
            quartz.AddJob<DispatchJob>(job => job.WithIdentity(DispatchJob.Key));
            quartz.AddTrigger(trigger => trigger.ForJob(DispatchJob.Key).StartNow()
                .WithSimpleSchedule(s => s.WithInterval(alerting.DispatchInterval).RepeatForever()));
            DigestScheduleJob.Configure(quartz);
        });
        return services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
    }

    /// <summary>The console channel, for a process that delivers (<c>serve</c>): when no chat channel is registered
    /// before this call, and alongside chat when <c>Alerting:Console</c> is true. The app always has somewhere to alert.</summary>
    public static IServiceCollection AddConsoleChannel(this IServiceCollection services, IConfiguration configuration)
    {
        var chatRegistered = services.Any(d => d.ServiceType == typeof(IChatAdapter));
        if (!chatRegistered || configuration.GetValue<bool>($"{AlertingOptions.Section}:Console"))
        {
            services.AddSingleton<IChatAdapter, ConsoleChatAdapter>();
        }

        return services;
    }

    private static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<AdminsOptions>().BindConfiguration(AdminsOptions.Section);
        return services
            .AddSingleton<ChannelStore>()
            .AddSingleton<SubscriptionStore>();
    }

    private static IServiceCollection AddData(this IServiceCollection services) => services
        .AddSingleton<SqliteDatabase>()
        .AddSingleton<DatabaseMigrator>()
        .AddSingleton<DatabaseBackup>()
        .AddSingleton<DatabaseInitializer>()
        .AddHostedService(sp => sp.GetRequiredService<DatabaseInitializer>());

    private static IServiceCollection AddSources(this IServiceCollection services) => services
        .AddSingleton<SourceStore>()
        .AddSingleton<SourceDefinitionValidator>()
        .AddSingleton<SourceReader>()
        .AddSingleton<SourcePreviewer>()
        .AddSingleton<OpmlFile>()
        .AddSingleton<FeedParser>()
        .AddSingleton<BodyDecoder>()
        .AddSingleton<HtmlTextExtractor>();

    private static IServiceCollection AddHistory(this IServiceCollection services) => services
        .AddSingleton<ItemStore>()
        .AddSingleton<HistoryComparer>()
        .AddSingleton<SentenceDiff>()
        .AddSingleton<ContentFingerprint>()
        .AddSingleton<UrlCanonicalizer>();

    private static IServiceCollection AddClustering(this IServiceCollection services) => services
        .AddSingleton<StatementStore>()
        .AddSingleton<StatementMatcher>()
        .AddSingleton<StatementRecorder>()
        .AddSingleton<PositionStore>()
        .AddSingleton<KnownPositions>();

    private static IServiceCollection AddAnalysis(this IServiceCollection services) => services
        .AddSummaries()
        .AddSingleton<StatementAnalyzer>();

    private static IServiceCollection AddPolling(this IServiceCollection services) => services
        .AddSingleton<SchedulePlanner>()
        .AddSingleton<AlertComposer>()
        .AddSingleton<ArticleFollower>()
        .AddSingleton<SourcePoller>()
        .AddSingleton<PollCycle>();

    private static IServiceCollection AddAlerting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<AlertOutbox>().AddSingleton<AdminNotices>().AddSingleton<AlertRouter>().AddSingleton<ChannelPacer>().AddSingleton<OutboxDispatcher>().AddSingleton<AlertTextFormatter>();
        services.TryAddKeyedSingleton(ConsoleChatAdapter.PlatformName, Console.Out);
        return services;
    }
}
