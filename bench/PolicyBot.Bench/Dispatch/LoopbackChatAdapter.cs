using System.Net.Http.Json;
using System.Text.Json;
using PolicyBot.Alerting;
using PolicyBot.Chat;

namespace PolicyBot.Bench.Dispatch;

/// <summary>A chat adapter that posts each rendered message as JSON to <see cref="LoopbackChatServer"/>: the cost of a
/// real adapter's serialisation and HTTP round trip, without a real platform.</summary>
internal sealed class LoopbackChatAdapter(HttpClient client) : IChatAdapter
{
    public string Platform => "loopback";

    public async Task<DeliveryResult> PostAsync(ChatChannel channel, OutboundMessage message, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync($"channels/{Uri.EscapeDataString(channel.Id)}/messages", message.Content, AlertJson.Compact, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            return DeliveryResult.Failure($"HTTP {(int)response.StatusCode}");
        }

        using var body = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
        return DeliveryResult.Success(body.RootElement.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public Task<DeliveryResult> UpdateAsync(ChatChannel channel, string? messageId, OutboundMessage message, CancellationToken cancellationToken) =>
        PostAsync(channel, message, cancellationToken);
}
