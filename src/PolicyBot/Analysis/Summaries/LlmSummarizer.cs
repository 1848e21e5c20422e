using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using OpenAI;
using OpenAI.Chat;

namespace PolicyBot.Analysis.Summaries;

/// <summary>
/// An optional abstractive summary from an OpenAI-compatible chat-completions endpoint (<see cref="SummarizerOptions"/>).
/// Returns null — the caller keeps its extractive summary — when the provider is <c>none</c>, the day's call budget is
/// spent, the call fails or times out, or <see cref="SummaryScreen"/> rejects the output (a quotation not verbatim in
/// the source, URLs, markup, no whole sentence within 600 characters). One call per summary: no retries, so the budget
/// and the timeout bound the cost. Neither the API key nor any document text is logged.
/// </summary>
public sealed partial class LlmSummarizer
{
    internal const string SystemPrompt =
        "You summarise news and statements about AI policy. In 2 or 3 sentences, neutrally state who said what about " +
        "open-source or open-weights AI (releasing model weights, licences, openness versus closed models). At most 600 " +
        "characters of plain prose: no lists, headings, links or markup. Do not use quotation marks unless you copy the " +
        "words exactly, character for character, from the text. Do not add facts, opinions or context that the text " +
        "does not contain. Reply with the summary only.";

    private const int MaxTitleChars = 1_000;

    private readonly SummarizerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LlmSummarizer> _logger;
    private readonly ChatClient? _client;
    private readonly DailyCallBudget _budget;
    private readonly SummaryScreen _screen = new();

    public LlmSummarizer(IOptions<SummarizerOptions> options, TimeProvider time, ILogger<LlmSummarizer> logger)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _budget = new DailyCallBudget(_options.DailyBudget, time);
        if (!_options.Enabled)
        {
            return;
        }

        if (_options.Validate(new(_options)).Any())
        {
            Log.Misconfigured(logger); // validation on start normally stops the app before this
            return;
        }

        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = _options.Endpoint,
            NetworkTimeout = _options.Timeout,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            ClientLoggingOptions = new ClientLoggingOptions { EnableLogging = false, EnableMessageLogging = false, EnableMessageContentLogging = false },
        };
        _client = new ChatClient(_options.Model!.Trim(), new ApiKeyCredential(_options.ApiKey!.Trim()), clientOptions);
    }

    /// <summary>True when a provider is configured (calls may still be refused by the budget).</summary>
    public bool Enabled => _client is not null;

    /// <summary>
    /// Summarises <paramref name="text"/> (cut to <see cref="SummarizerOptions.MaxInputChars"/>), or returns null so the
    /// caller uses <paramref name="extractiveFallback"/>. No call is made when the extractive summary already covers
    /// the whole text. Throws only <see cref="OperationCanceledException"/>, and only when the caller cancels.
    /// </summary>
    public async Task<string?> SummarizeAsync(string title, string text, string extractiveFallback, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_client is null)
        {
            return null;
        }

        var body = Cut((text ?? "").Trim(), _options.MaxInputChars);
        if (body.Length == 0 || body.Length <= (extractiveFallback ?? "").Trim().Length)
        {
            Log.Skipped(_logger, "text no longer than the extractive summary");
            return null;
        }

        if (!_budget.TryTake())
        {
            Log.BudgetExhausted(_logger, _options.DailyBudget);
            return null;
        }

        var heading = Cut((title ?? "").Trim(), MaxTitleChars);
        var started = _time.GetTimestamp();
        var (output, failure) = await CallAsync(heading, body, cancellationToken);
        if (failure is not null)
        {
            Log.FellBack(_logger, failure, _time.GetElapsedTime(started).TotalMilliseconds);
            return null;
        }

        var verdict = _screen.Check(output, heading + "\n\n" + body);
        if (verdict.Summary is null)
        {
            Log.FellBack(_logger, verdict.Rejection ?? "rejected", _time.GetElapsedTime(started).TotalMilliseconds);
            return null;
        }

        Log.Used(_logger, verdict.Summary.Length, _time.GetElapsedTime(started).TotalMilliseconds, _budget.Remaining);
        return verdict.Summary;
    }

    private async Task<(string? Output, string? Failure)> CallAsync(string title, string body, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        List<ChatMessage> messages =
        [
            new SystemChatMessage(SystemPrompt),
            new UserChatMessage($"Title: {title}\n\nText:\n{body}"),
        ];
        try
        {
            var completion = (await _client!.CompleteChatAsync(messages, new ChatCompletionOptions(), linked.Token)).Value;
            if (completion.FinishReason != ChatFinishReason.Stop)
            {
                return (null, $"incomplete answer (finish reason {completion.FinishReason})");
            }

            var output = string.Concat(completion.Content.Where(p => p.Kind == ChatMessageContentPartKind.Text).Select(p => p.Text));
            return (output, null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException)
        {
            return (null, $"timed out after {_options.Timeout.TotalSeconds:0.#} s");
        }
        catch (ClientResultException ex) when (ex.Status > 0)
        {
            return (null, $"HTTP {ex.Status}");
        }
        catch (Exception ex)
        {
            // Only the type: messages may echo response content. Malformed JSON and empty choices end up here.
            return (null, $"failed ({ex.GetType().Name})");
        }
    }

    private static string Cut(string value, int max)
    {
        if (value.Length <= max)
        {
            return value;
        }

        return char.IsHighSurrogate(value[max - 1]) ? value[..(max - 1)] : value[..max];
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 4160, Level = LogLevel.Information, Message = "LLM summary used ({Length} characters, {ElapsedMs:0} ms, {Remaining} calls left today)")]
        public static partial void Used(ILogger logger, int length, double elapsedMs, int remaining);

        [LoggerMessage(EventId = 4161, Level = LogLevel.Warning, Message = "LLM summary fell back to extractive: {Reason} ({ElapsedMs:0} ms)")]
        public static partial void FellBack(ILogger logger, string reason, double elapsedMs);

        [LoggerMessage(EventId = 4162, Level = LogLevel.Information, Message = "LLM summary fell back to extractive: daily budget of {Budget} calls spent")]
        public static partial void BudgetExhausted(ILogger logger, int budget);

        [LoggerMessage(EventId = 4163, Level = LogLevel.Debug, Message = "LLM summary skipped: {Reason}")]
        public static partial void Skipped(ILogger logger, string reason);

        [LoggerMessage(EventId = 4164, Level = LogLevel.Error, Message = "LLM summarizer is misconfigured (see Analysis:Summarizer validation); using extractive summaries only")]
        public static partial void Misconfigured(ILogger logger);
    }
}
