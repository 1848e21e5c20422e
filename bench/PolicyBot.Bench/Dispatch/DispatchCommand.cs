using System.CommandLine;
using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Alerting;
using PolicyBot.Chat;
using PolicyBot.Data;
using PolicyBot.Hosting;

namespace PolicyBot.Bench.Dispatch;

/// <summary><c>dispatch [--messages 5000] [--channels 1,10,100]</c>: delivery throughput from the outbox to a loopback chat
/// server, pacing off (the dispatcher's own cost: lease, render, HTTP round trip, mark sent).</summary>
internal static class DispatchCommand
{
    public static Command Create()
    {
        var messages = new Option<int>("--messages") { Description = "Outbox rows to deliver per run.", DefaultValueFactory = _ => 5000 };
        var channels = new Option<string>("--channels") { Description = "Comma-separated channel counts, one run each.", DefaultValueFactory = _ => "1,10,100" };
        messages.Validators.Add(r => { if (r.GetValue(messages) is < 1 or > 1_000_000) { r.AddError("--messages must be 1–1000000."); } });
        var command = new Command("dispatch", "Time outbox delivery to a loopback chat server.") { messages, channels };
        command.SetAction((result, token) => RunAsync(result.GetValue(messages), result.GetValue(channels)!, token));
        return command;
    }

    private static async Task<int> RunAsync(int messages, string channelCounts, CancellationToken cancellationToken)
    {
        var counts = channelCounts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        await using var server = await LoopbackChatServer.StartAsync(cancellationToken);
        Console.WriteLine($"dispatch: {messages} messages per run to a loopback chat server, pacing off; load average {MachineInfo.LoadAverage()}");
        Console.WriteLine("| channels | messages | seconds | messages/s | dispatch runs |");
        Console.WriteLine("| ---: | ---: | ---: | ---: | ---: |");
        _ = await MeasureAsync(server, 500, 1, cancellationToken); // JIT warm-up, not reported
        foreach (var count in counts)
        {
            var (seconds, runs) = await MeasureAsync(server, messages, count, cancellationToken);
            Console.WriteLine($"| {count} | {messages} | {seconds:0.00} | {messages / seconds:0} | {runs} |");
        }

        Console.WriteLine($"Reproduce: dotnet run -c Release --project bench/PolicyBot.Bench -- dispatch --messages {messages} --channels {channelCounts}");
        return 0;
    }

    private static async Task<(double Seconds, int Runs)> MeasureAsync(LoopbackChatServer server, int messages, int channels, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateTempSubdirectory("policybot-bench-dispatch-").FullName;
        try
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:ConnectionString"] = $"Data Source={Path.Combine(directory, "policybot.db")}",
                ["Alerting:ChannelMessagesPerSecond"] = "10000",
                ["Alerting:ChannelBurst"] = "10000",
                ["Alerting:DispatchInterval"] = "00:01:00",
            });
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
            builder.Services.AddPolicyBot(builder.Configuration);
            builder.Services.RemoveAll<IHostedService>();
            builder.Services.AddSingleton<IChatAdapter>(new LoopbackChatAdapter(new HttpClient { BaseAddress = server.BaseAddress }));
            using var host = builder.Build();
            await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            await SeedAsync(host.Services, messages, channels, cancellationToken);

            var dispatcher = host.Services.GetRequiredService<OutboxDispatcher>();
            var before = server.Received;
            var clock = Stopwatch.StartNew();
            var runs = 0;
            while (server.Received - before < messages)
            {
                runs++;
                if (await dispatcher.DispatchAsync(cancellationToken) == 0)
                {
                    throw new InvalidOperationException($"Dispatch stalled after {server.Received - before} of {messages} messages.");
                }
            }

            return (clock.Elapsed.TotalSeconds, runs);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Stores <paramref name="messages"/> alerts round-robin over the channels through the real outbox, in one transaction.</summary>
    private static async Task SeedAsync(IServiceProvider services, int messages, int channels, CancellationToken cancellationToken)
    {
        var outbox = services.GetRequiredService<AlertOutbox>();
        await using var session = await services.GetRequiredService<SqliteDatabase>().BeginAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        var sourceId = await session.Connection.ExecuteScalarAsync<long>(session.Command(
            "INSERT INTO sources (name, url, kind, created_at, next_check_at) VALUES ('bench', 'https://bench.example/feed', 'feed', @now, @now) RETURNING id", new { now }, cancellationToken));
        var itemId = await session.Connection.ExecuteScalarAsync<long>(session.Command(
            "INSERT INTO items (source_id, guid, fingerprint, text, first_seen_at, last_changed_at) VALUES (@sourceId, 'g', 'f', 't', @now, @now) RETURNING id", new { sourceId, now }, cancellationToken));
        for (var i = 0; i < messages; i++)
        {
            var alert = new Alert
            {
                Kind = "new", Title = $"Statement {i} on open-weights models", Url = $"https://bench.example/{i}", Source = "Bench wire",
                PublishedAt = now.AddSeconds(i - messages), Orgs = ["Meta"], Stance = "cautious", Shift = i % 10 == 0 ? "open → cautious" : null,
                Summary = "A chief executive wrote that the company must be careful about what it chooses to open-source, citing new safety concerns.",
                Quotes = [new AlertQuote("careful about what we choose to open source", "Mark Zuckerberg", "Meta", "cautious")],
                Matched = ["open source", "Meta"],
            };
            await outbox.AddAsync(session, new AlertOrigin(sourceId, itemId, null), alert, [new AlertRoute($"loopback:c{i % channels}", "bench")], now, cancellationToken);
        }

        await session.CommitAsync(cancellationToken);
    }
}
