using PolicyBot.Tests.Cli;

namespace PolicyBot.Tests.Commands;

public sealed class QueryCommandTests
{
    [Fact]
    public async Task Query_Prints_The_Reply_As_Text()
    {
        using var cli = new CliRun();

        var (code, output, _) = await cli.RunAsync("query", "help");

        code.ShouldBe(0);
        output.ShouldStartWith("PolicyBot commands");
        output.ShouldContain("You are an admin here.");
    }

    [Fact]
    public async Task Query_Passes_Options_And_Phrases_In_Order()
    {
        using var cli = new CliRun();

        var (code, output, error) = await cli.RunAsync("query", "subscribe", "google deepmind", "--shifts-only", "--channel", "slack:C0123");

        error.ShouldBeEmpty();
        code.ShouldBe(0);
        output.ShouldStartWith("Subscribed slack:C0123: Google DeepMind · shifts only.");
    }

    [Fact]
    public async Task Query_Writes_Errors_To_Standard_Error_With_Exit_Code_One()
    {
        using var cli = new CliRun();

        var (code, output, error) = await cli.RunAsync("query", "latest", "many");

        code.ShouldBe(1);
        output.ShouldBeEmpty();
        error.ShouldStartWith("\"many\" is not a number.");
    }

    [Fact]
    public async Task Query_Without_Text_Prints_Help()
    {
        using var cli = new CliRun();

        var (code, output, _) = await cli.RunAsync("query");

        code.ShouldBe(0);
        output.ShouldStartWith("PolicyBot commands");
    }

    [Theory]
    [InlineData("latest 2")]
    [InlineData("/policy latest 2")]
    [InlineData("latest  2")]
    public async Task Query_Given_The_Whole_Command_As_One_Argument_Runs_It_As_Typed_After_Policy(string command)
    {
        using var cli = new CliRun();

        var (code, output, error) = await cli.RunAsync("query", command);

        error.ShouldBeEmpty();
        code.ShouldBe(0);
        output.ShouldStartWith("No statements are stored yet.");
    }

    [Fact]
    public async Task Query_Follows_Its_Own_Help_Example_Of_A_Quoted_Search()
    {
        using var cli = new CliRun();

        var (code, output, error) = await cli.RunAsync("query", "search open weights");

        error.ShouldBeEmpty();
        code.ShouldBe(0);
        output.ShouldStartWith("No stored statement matches open weights.");
    }
}
