using System.Text.Json;
using PolicyBot.Teams;

namespace PolicyBot.Tests.Teams;

public sealed class CardSubmissionReaderTests
{
    private static string? Read(string? json) =>
        CardSubmissionReader.CommandText(json is null ? null : JsonDocument.Parse(json).RootElement.Clone());

    [Theory]
    [InlineData("""{"command":"sources pause 12"}""", "sources pause 12")]
    [InlineData("""{"command":"  sources   add ","appendInput":"sourceUrl","sourceUrl":" https://example.org/feed.xml\n feed "}""", "sources add https://example.org/feed.xml feed")]
    [InlineData("""{"command":"subscribe","appendInput":"missing"}""", "subscribe")]
    [InlineData("""{"command":"sources add","appendInput":"command"}""", "sources add")]
    [InlineData("""{"command":"sources add","appendInput":"n","n":5}""", "sources add")]
    public void Button_Data_Gives_The_Command_Text(string json, string expected)
    {
        Read(json).ShouldBe(expected);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"help\"")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("""{"command":5}""")]
    [InlineData("""{"command":"   "}""")]
    [InlineData("""{"action":"submitted","comment":"hi"}""")]
    public void Anything_Else_Is_Not_A_Command(string? json)
    {
        Read(json).ShouldBeNull();
    }

    [Fact]
    public void An_Oversized_Command_Is_Refused()
    {
        Read(JsonSerializer.Serialize(new { command = "search " + new string('x', 10_000) })).ShouldBeNull();
    }
}
