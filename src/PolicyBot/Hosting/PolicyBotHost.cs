using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PolicyBot.Alerting;
using PolicyBot.Cli;
using PolicyBot.Sources;

namespace PolicyBot.Hosting;

/// <summary>Builds PolicyBot's process: the web app for <c>serve</c>, or a quiet host for the other verbs.</summary>
public static class PolicyBotHost
{
    /// <summary>The long-running app: endpoints, scheduler, dispatcher.</summary>
    public static WebApplication BuildWebApp(string[] args, CliEnvironment environment)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        Configure(builder.Configuration, environment, args);
        builder.Services.AddPolicyBot(builder.Configuration).AddConsoleChannel(builder.Configuration).AddScheduler(builder.Configuration);
        builder.Services.AddKeyedSingleton(ConsoleChatAdapter.PlatformName, environment.Out);
        var app = builder.Build();
        app.Services.GetRequiredService<PrometheusCollector>(); // listen from the first measurement on
        app.MapHealth();
        app.MapMetrics();
        return app;
    }

    /// <summary>A host for one-shot verbs: options validated, database migrated and seeded, logs on standard error.</summary>
    public static async Task<IHost> StartCliHostAsync(CliEnvironment environment, bool seedSources, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
        Configure(builder.Configuration, environment, []);
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        if (builder.Configuration["Logging:Console:LogLevel:Default"] is null)
        {
            builder.Logging.AddFilter<ConsoleLoggerProvider>(null, LogLevel.Warning);
        }

        builder.Services.AddPolicyBot(builder.Configuration);
        builder.Services.RemoveAll<IHostedService>();
        builder.Services.AddKeyedSingleton(ConsoleChatAdapter.PlatformName, environment.Out);
        if (!seedSources)
        {
            builder.Services.PostConfigure<SourcesOptions>(o => o.Items = []);
        }

        var host = builder.Build();
        host.Services.GetService<IStartupValidator>()?.Validate();
        await host.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
        return host;
    }

    /// <summary>appsettings.json beside the program, then one in the working directory, then environment variables, then the run's own settings.</summary>
    private static void Configure(ConfigurationManager configuration, CliEnvironment environment, string[] args)
    {
        var local = Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json");
        if (!string.Equals(Path.GetFullPath(local), Path.Combine(AppContext.BaseDirectory, "appsettings.json"), StringComparison.Ordinal))
        {
            configuration.AddJsonFile(local, optional: true, reloadOnChange: false);
        }

        configuration.AddEnvironmentVariables();
        configuration.AddCommandLine(args);
        configuration.AddInMemoryCollection(environment.Settings);
    }
}
