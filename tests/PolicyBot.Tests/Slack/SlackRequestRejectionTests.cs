using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace PolicyBot.Tests.Slack;

/// <summary>Forged, stale, replayed, oversized and malformed requests: each gets its status, and nothing happens.</summary>
public sealed class SlackRequestRejectionTests(SlackAppFixture fixture) : IClassFixture<SlackAppFixture>
{
    private SlackTestApp App => fixture.App;

    private string HelpBody(string user) => SlackTestApp.CommandBody("help", user, "C0REJECT", App.Slack.ResponseUrl("reject"));

    private async Task<HttpStatusCode> NothingHappensAsync(Func<Task<HttpResponseMessage>> send)
    {
        var before = App.Slack.Calls.Count;
        var response = await send();
        await App.IdleAsync();
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("PolicyBot commands");
        App.Slack.Calls.Count.ShouldBe(before);
        return response.StatusCode;
    }

    public static TheoryData<string> Paths => ["/slack/commands", "/slack/events", "/slack/interactivity"];

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task A_Forged_Signature_Gets_401(string path)
    {
        var body = HelpBody("UFORGED");

        var status = await NothingHappensAsync(() => App.PostSignedAsync(path, body, "application/x-www-form-urlencoded",
            signature: SlackRequestSigner.Signature("not-the-secret", SlackTestApp.Now, body)));

        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86400)]
    public async Task A_Request_Stamped_Outside_Five_Minutes_Gets_401_Even_With_A_Correct_Signature(int offset)
    {
        var status = await NothingHappensAsync(() => App.PostSignedAsync("/slack/commands", HelpBody("USTALE"), "application/x-www-form-urlencoded", SlackTestApp.Now + offset));

        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_Published_Vector_Replayed_Today_Is_Stale()
    {
        var vector = SlackTestData.Json("signature_vectors.json")["published_vector"]!;

        var status = await NothingHappensAsync(() => App.PostSignedAsync("/slack/commands", vector["body"]!.GetValue<string>(), "application/x-www-form-urlencoded",
            long.Parse(vector["timestamp"]!.GetValue<string>(), CultureInfo.InvariantCulture), vector["expected_signature"]!.GetValue<string>()));

        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_Replayed_Request_Gets_401_The_Second_Time()
    {
        var body = HelpBody("UREPLAY");
        var stamp = SlackTestApp.Now;
        var first = await App.PostSignedAsync("/slack/commands", body, "application/x-www-form-urlencoded", stamp);

        var status = await NothingHappensAsync(() => App.PostSignedAsync("/slack/commands", body, "application/x-www-form-urlencoded", stamp));

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    public static TheoryData<string?, string?> BadHeaders => new()
    {
        { null, "v0=0000000000000000000000000000000000000000000000000000000000000000" },
        { "now", null },
        { "soon", "v0=0000000000000000000000000000000000000000000000000000000000000000" },
        { "now", "v0=short" },
        { "now", "v1=0000000000000000000000000000000000000000000000000000000000000000" },
        { "now", "" },
    };

    [Theory]
    [MemberData(nameof(BadHeaders))]
    public async Task Missing_Or_Malformed_Headers_Get_401(string? timestamp, string? signature)
    {
        var status = await NothingHappensAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
            {
                Content = new StringContent(HelpBody("UHEADERS"), Encoding.UTF8, "application/x-www-form-urlencoded"),
            };
            if (timestamp is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Slack-Request-Timestamp", timestamp == "now" ? SlackTestApp.Now.ToString(CultureInfo.InvariantCulture) : timestamp);
            }

            if (signature is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Slack-Signature", signature);
            }

            return await App.Client.SendAsync(request);
        });

        status.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task An_Oversized_Body_Gets_413_Even_When_Signed(string path)
    {
        var body = HelpBody("UBIG") + "&padding=" + new string('x', 70_000);

        var status = await NothingHappensAsync(() => App.PostSignedAsync(path, body, "application/x-www-form-urlencoded"));

        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task An_Oversized_Chunked_Body_Without_A_Length_Gets_413()
    {
        var status = await NothingHappensAsync(async () =>
        {
            var body = HelpBody("UCHUNK") + "&padding=" + new string('x', 70_000);
            var stamp = SlackTestApp.Now;
            using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands")
            {
                Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))),
            };
            request.Headers.TransferEncodingChunked = true;
            request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");
            request.Headers.Add("X-Slack-Request-Timestamp", stamp.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Slack-Signature", SlackRequestSigner.Signature(SlackTestApp.SigningSecret, stamp, body));
            return await App.Client.SendAsync(request);
        });

        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "/slack/commands", "{\"text\":\"help\"}", "application/json" },
        { "/slack/commands", "text=help&user_id=U1", "application/x-www-form-urlencoded" },
        { "/slack/commands", "command=%2Fpolicy&text=help&user_id=U1&user_id=U2&channel_id=C1", "application/x-www-form-urlencoded" },
        { "/slack/commands", "command=policy&text=help&user_id=U1&channel_id=C1", "application/x-www-form-urlencoded" },
        { "/slack/events", "{\"type\":\"event_callback\",", "application/json" },
        { "/slack/events", "[1,2,3]", "application/json" },
        { "/slack/events", "", "application/json" },
        { "/slack/events", "{\"type\":\"event_callback\",\"event\":{\"type\":\"app_uninstalled\"}}", "application/json" },
        { "/slack/events", "{\"type\":\"url_verification\"}", "application/json" },
        { "/slack/interactivity", "type=block_actions", "application/x-www-form-urlencoded" },
        { "/slack/interactivity", "payload=%7Bnot%20json", "application/x-www-form-urlencoded" },
        { "/slack/interactivity", "payload=%7B%22type%22%3A%22block_actions%22%7D", "application/x-www-form-urlencoded" },
        { "/slack/interactivity", "{\"type\":\"block_actions\"}", "application/json" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_Signed_But_Malformed_Request_Gets_400(string path, string body, string contentType)
    {
        var status = await NothingHappensAsync(() => App.PostSignedAsync(path, body, contentType));

        status.ShouldBe(HttpStatusCode.BadRequest);
    }

    public static TheoryData<string, string> WrongShapes => new()
    {
        { "/slack/interactivity", "{\"type\":\"view_submission\",\"user\":{\"id\":\"W111\"},\"view\":{\"callback_id\":\"add_source_modal\",\"state\":[]}}" },
        { "/slack/interactivity", "{\"type\":\"view_submission\",\"user\":{\"id\":\"W111\"},\"view\":{\"callback_id\":\"add_source_modal\",\"state\":{\"values\":{\"source_url\":\"x\"}}}}" },
        { "/slack/interactivity", "{\"type\":\"view_submission\",\"user\":{\"id\":\"W111\"},\"view\":{\"callback_id\":\"add_source_modal\",\"state\":{\"values\":{\"source_url\":{\"url\":[1]}}}}}" },
        { "/slack/interactivity", "{\"type\":\"view_submission\",\"user\":{\"id\":\"W111\"},\"view\":{\"callback_id\":\"add_source_modal\",\"state\":{\"values\":{\"source_kind\":{\"kind\":{\"selected_option\":\"feed\"}}}}}}" },
        { "/slack/events", "{\"type\":\"event_callback\",\"event_id\":\"EvSHAPE1\",\"event\":{\"type\":\"tokens_revoked\",\"tokens\":[]}}" },
        { "/slack/events", "{\"type\":\"event_callback\",\"event_id\":\"EvSHAPE2\",\"event\":{\"type\":\"tokens_revoked\",\"tokens\":\"bot\"}}" },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task A_Signed_Payload_With_Parts_Of_The_Wrong_Json_Type_Is_Answered_Not_A_Server_Error(string path, string json)
    {
        var (body, contentType) = path == "/slack/interactivity"
            ? ("payload=" + Uri.EscapeDataString(json), "application/x-www-form-urlencoded")
            : (json, "application/json");

        var status = await NothingHappensAsync(() => App.PostSignedAsync(path, body, contentType));

        status.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_Deeply_Nested_Event_Gets_400()
    {
        var body = string.Concat(Enumerable.Repeat("{\"a\":", 500)) + "1" + new string('}', 500);

        var status = await NothingHappensAsync(() => App.PostSignedAsync("/slack/events", body, "application/json"));

        status.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_Unsigned_App_Uninstalled_Event_Deactivates_Nothing()
    {
        var body = SlackPayloads.Event("EvUNSIGNED", new JsonObject { ["type"] = "app_uninstalled" }).ToJsonString();

        var status = await NothingHappensAsync(async () =>
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            return await App.Client.PostAsync("/slack/events", content);
        });

        status.ShouldBe(HttpStatusCode.Unauthorized);
    }
}
