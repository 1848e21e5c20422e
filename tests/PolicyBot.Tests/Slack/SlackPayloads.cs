using System.Text.Json.Nodes;

namespace PolicyBot.Tests.Slack;

/// <summary>Slack payloads for the tests: the corpus ones with PolicyBot's ids, and App Home events built on the
/// corpus event_callback envelope.</summary>
public static class SlackPayloads
{
    /// <summary>An event_callback (envelope from the corpus app_mention payload) carrying <paramref name="event"/>.</summary>
    public static JsonObject Event(string eventId, JsonObject @event)
    {
        var envelope = SlackTestData.Json("payloads", "event_app_mention.json");
        envelope["event_id"] = eventId;
        envelope["event"] = @event;
        return envelope;
    }

    public static JsonObject HomeOpened(string eventId, string user) => Event(eventId, new JsonObject
    {
        ["type"] = "app_home_opened",
        ["user"] = user,
        ["channel"] = "D0HOME",
        ["tab"] = "home",
        ["event_ts"] = "1700000000.000100",
    });

    /// <summary>The corpus block_actions payload, pressed by <paramref name="user"/> on a button.</summary>
    public static JsonObject ButtonPress(string user, string actionId, string? value, bool inHome, string responseUrl)
    {
        var payload = SlackTestData.Json("payloads", "block_actions.json");
        payload["user"]!["id"] = user;
        payload["response_url"] = responseUrl;
        payload["actions"]![0]!["action_id"] = actionId;
        payload["actions"]![0]!["value"] = value;
        if (inHome)
        {
            payload["container"] = new JsonObject { ["type"] = "view", ["view_id"] = "V0HOME" };
            payload.Remove("channel");
        }

        return payload;
    }

    /// <summary>The corpus view_submission payload, as the Add source modal submitted by <paramref name="user"/>.</summary>
    public static JsonObject AddSourceSubmission(string user, string? url, string? kind = null, string? org = null)
    {
        var payload = SlackTestData.Json("payloads", "view_submission.json");
        payload["user"]!["id"] = user;
        payload["view"]!["callback_id"] = "add_source_modal";
        var values = new JsonObject
        {
            ["source_url"] = new JsonObject { ["url"] = new JsonObject { ["type"] = "url_text_input", ["value"] = url } },
            ["source_kind"] = new JsonObject
            {
                ["kind"] = new JsonObject { ["type"] = "static_select", ["selected_option"] = kind is null ? null : new JsonObject { ["value"] = kind } },
            },
            ["source_org"] = new JsonObject { ["org"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = org } },
        };
        payload["view"]!["state"] = new JsonObject { ["values"] = values };
        return payload;
    }
}
