namespace PolicyBot.Tests.Slack;

/// <summary>One running app per test class (tests in a class run one after another; each uses its own users,
/// channels and response_urls, and compares call counts taken before and after its own requests).</summary>
public sealed class SlackAppFixture : IAsyncLifetime
{
    public SlackTestApp App { get; private set; } = null!;

    public async Task InitializeAsync() => App = await SlackTestApp.StartAsync();

    public async Task DisposeAsync() => await App.DisposeAsync();
}
