using PolicyBot.Teams;
using PolicyBot.Tests.Infrastructure;

namespace PolicyBot.Tests.Teams;

public sealed class ConversationPacerTests
{
    [Fact]
    public void A_Burst_Goes_At_Once_Then_One_Send_Per_Interval()
    {
        var clock = new ManualTimeProvider();
        var pacer = new ConversationPacer(clock);

        var burst = Enumerable.Range(0, ConversationPacer.Burst).Select(_ => pacer.TryAcquire("c")).ToList();
        var next = pacer.TryAcquire("c");
        clock.Advance(ConversationPacer.Interval);
        var later = pacer.TryAcquire("c");

        burst.ShouldAllBe(w => w == TimeSpan.Zero);
        next.ShouldBe(ConversationPacer.Interval);
        later.ShouldBe(TimeSpan.Zero);
        pacer.TryAcquire("other").ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void A_Pause_Holds_Only_That_Conversation_Until_It_Ends()
    {
        var clock = new ManualTimeProvider();
        var pacer = new ConversationPacer(clock);

        pacer.Pause("c", TimeSpan.FromSeconds(30));

        pacer.TryAcquire("c").ShouldBe(TimeSpan.FromSeconds(30));
        pacer.TryAcquire("d").ShouldBe(TimeSpan.Zero);
        clock.Advance(TimeSpan.FromSeconds(31));
        pacer.TryAcquire("c").ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task Waiting_Longer_Than_Allowed_Takes_Nothing_And_Says_How_Long()
    {
        var clock = new ManualTimeProvider();
        var pacer = new ConversationPacer(clock);
        pacer.Pause("c", TimeSpan.FromMinutes(10));

        var wait = await pacer.WaitAsync("c", TimeSpan.FromSeconds(5), CancellationToken.None);

        wait.ShouldBe(TimeSpan.FromMinutes(10));
        clock.ActiveTimers.ShouldBe(0);
    }
}
