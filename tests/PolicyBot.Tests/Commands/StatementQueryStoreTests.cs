using PolicyBot.Commands;
using PolicyBot.Data;

namespace PolicyBot.Tests.Commands;

public sealed class StatementQueryStoreTests
{
    [Fact]
    public async Task Beyond_The_Window_Only_The_Latest_Matches_Rank_Title_Matches_First()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();
        var terms = SearchExpression.Terms(CommandText.Tokenize("weights"));
        var everything = await bed.Services.Get<StatementQueryStore>().SearchAsync(terms, 10, CancellationToken.None);
        var windowed = new StatementQueryStore(bed.Services.Get<SqliteDatabase>(), bed.Services.Get<PolicyBot.Positions.PositionStore>()) { Window = 2 };

        var hits = await windowed.SearchAsync(terms, 10, CancellationToken.None);

        everything.Count.ShouldBeGreaterThan(2);
        var latest = everything.OrderByDescending(s => s.Id).Take(2).ToList();
        var expected = latest.OrderByDescending(s => s.Alert.Title.Contains("weights", StringComparison.OrdinalIgnoreCase)).ThenByDescending(s => s.Id);
        hits.Select(h => h.Id).ShouldBe(expected.Select(s => s.Id));
        hits.ShouldAllBe(h => h.Snippet != null && h.Snippet.Contains(StatementQueryStore.HitStart));
    }

    [Fact]
    public async Task Within_The_Window_Matches_Are_Ranked_By_Bm25()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var hits = await bed.Services.Get<StatementQueryStore>().SearchAsync(["\"licence\""], 10, CancellationToken.None);

        // the consortium's title is about the licence; the Fernhollow lab only mentions one in its body
        hits.Select(h => h.Alert.Title).ShouldBe(["Consortium drafts licence for open-weight medical models", "Fernhollow lab to publish open weights for its translation model"]);
    }

    [Fact]
    public async Task A_Timeline_Keeps_Each_Run_Of_A_Stance_Once()
    {
        await using var bed = await CommandTestBed.CreateAsync();
        await bed.SeedStatementsAsync();

        var timeline = await bed.Services.Get<StatementQueryStore>().TimelineAsync("Meta", CancellationToken.None);

        timeline.Select(p => p.Stance).ShouldBe(["open", "cautious"]);
        timeline[0].Since.ShouldBe(new DateTimeOffset(2024, 7, 23, 0, 0, 0, TimeSpan.Zero));
    }
}
