namespace PolicyBot.Tests;

public sealed class SmokeTests
{
    [Fact]
    public async Task Command_Line_Returns_Zero_For_No_Args() => (await PolicyBot.Cli.CommandLine.RunAsync([])).ShouldBe(0);
}
