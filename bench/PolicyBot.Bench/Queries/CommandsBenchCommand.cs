using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PolicyBot.Analysis;
using PolicyBot.Chat;
using PolicyBot.Commands;
using PolicyBot.Data;
using PolicyBot.Hosting;

namespace PolicyBot.Bench.Queries;

/// <summary>
/// <c>commands</c>: latency of <c>/policy &lt;actor&gt;</c> and <c>/policy search &lt;words&gt;</c> through the real
/// <see cref="CommandEngine"/> over a database of a million stored statements (generated once by
/// <see cref="StatementCorpusWriter"/> and kept under the temp directory for later runs). Each query kind runs a
/// fixed mix of inputs round-robin on one thread after a warm-up; p50, p99, mean and max are reported.
/// </summary>
public static class CommandsBenchCommand
{
    private static readonly string[] Actors =
        ["meta", "zuckerberg", "openai", "sam altman", "anthropic", "\"google deepmind\"", "microsoft", "lecun", "mistral ai", "nvidia", "eleutherai", "open source initiative"];

    private static readonly string[] Searches =
        ["open weights", "\"open source\" licence", "safety", "frontier model releases", "export controls", "misuse", "meta weights", "\"community licence\""];

    public static Command Create()
    {
        var statements = new Option<int>("--statements") { Description = "Statements in the database.", DefaultValueFactory = _ => 1_000_000 };
        var queries = new Option<int>("--queries") { Description = "Measured queries per kind.", DefaultValueFactory = _ => 500 };
        var directory = new Option<string?>("--dir") { Description = "Where the generated database is kept (default: <temp>/policybot-bench)." };
        var command = new Command("commands", "/policy <actor> and search latency over a large generated database.") { statements, queries, directory };
        command.SetAction(async (result, token) =>
        {
            var count = result.GetValue(statements);
            var folder = result.GetValue(directory) ?? Path.Combine(Path.GetTempPath(), "policybot-bench");
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, string.Create(CultureInfo.InvariantCulture, $"commands-{count}.db"));
            using var host = await StartAsync(path, token);
            await EnsureCorpusAsync(host.Services, path, count, token);

            Console.WriteLine(MachineInfo.Describe());
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count:N0} statements in {path} ({new FileInfo(path).Length / (1024.0 * 1024):N0} MiB); {result.GetValue(queries)} queries per kind, one thread, warm page cache; load average {MachineInfo.LoadAverage()?.ToString("0.00", CultureInfo.InvariantCulture) ?? "n/a"}"));
            var engine = host.Services.GetRequiredService<CommandEngine>();
            var rare = StatementCorpusWriter.RareWords;
            Console.WriteLine("| query | inputs | p50 | p99 | mean | max |");
            Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
            await MeasureAsync(engine, "/policy <actor>", Actors, result.GetValue(queries), token);
            await MeasureAsync(engine, "search <words> (common words)", Searches, result.GetValue(queries), token);
            await MeasureAsync(engine, "search <words> (rare word)", Enumerable.Range(0, 50).Select(i => rare[i * 97 % rare.Count]).ToArray(), result.GetValue(queries), token);
            await MeasureAsync(engine, "/policy <unknown name> (suggestions)", ["zuckerbrg", "antropic", "metta", "opnai"], result.GetValue(queries), token);
            await MeasureAsync(engine, "latest", ["latest", "latest 20"], result.GetValue(queries), token);
            return 0;
        });
        return command;
    }

    private static async Task MeasureAsync(CommandEngine engine, string label, IReadOnlyList<string> inputs, int queries, CancellationToken cancellationToken)
    {
        var context = new CommandContext("slack", "U0BENCH", null, new ChatChannel("slack", "C0BENCH"));
        var texts = inputs.Select(i => label.StartsWith("search", StringComparison.Ordinal) ? "search " + i : i).ToList();
        foreach (var text in texts.Concat(texts))
        {
            var reply = await engine.ExecuteAsync(text, context, cancellationToken); // warm-up, and a check that the query answers
            if (reply.Summary.Contains("went wrong", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"'{text}' failed: {reply.Summary}");
            }
        }

        var timings = new double[queries];
        var empty = 0;
        for (var i = 0; i < queries; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var reply = await engine.ExecuteAsync(texts[i % texts.Count], context, cancellationToken);
            timings[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            empty += reply.Blocks.OfType<QuoteBlock>().Any() ? 0 : 1;
        }

        Array.Sort(timings);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {label} | {texts.Count}{(empty > 0 && !label.Contains("unknown", StringComparison.Ordinal) ? $" ({empty} answers without quotes)" : "")} | {Percentile(timings, 0.50):0.00} ms | {Percentile(timings, 0.99):0.00} ms | {timings.Average():0.00} ms | {timings[^1]:0.00} ms |"));
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task EnsureCorpusAsync(IServiceProvider services, string path, int count, CancellationToken cancellationToken)
    {
        var marker = path + ".complete";
        if (File.Exists(marker))
        {
            Console.Error.WriteLine($"Reusing {path}.");
            return;
        }

        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generating {count:N0} statements into {path} (once; later runs reuse it) …"));
        var clock = Stopwatch.StartNew();
        await new StatementCorpusWriter(services.GetRequiredService<StatementAnalyzer>().Catalogue).WriteAsync(path, count, cancellationToken);
        await File.WriteAllTextAsync(marker, count.ToString(CultureInfo.InvariantCulture), cancellationToken);
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Generated in {clock.Elapsed.TotalSeconds:0} s."));
    }

    private static async Task<IHost> StartAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path + ".complete") && File.Exists(path))
        {
            File.Delete(path); // an interrupted generation: start again
            File.Delete(path + "-wal");
            File.Delete(path + "-shm");
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = $"Data Source={path}",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddPolicyBot(builder.Configuration);
        builder.Services.RemoveAll<IHostedService>();
        var host = builder.Build();
        await host.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
        return host;
    }
}
