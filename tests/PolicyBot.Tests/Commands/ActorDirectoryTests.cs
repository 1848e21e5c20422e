using PolicyBot.Analysis;
using PolicyBot.Commands;

namespace PolicyBot.Tests.Commands;

public sealed class ActorDirectoryTests
{
    private static readonly ActorDirectory Directory = new(ActorCatalogue.LoadBundled());

    [Theory]
    [InlineData("meta", "Meta", null)]
    [InlineData("Facebook", "Meta", null)]
    [InlineData("ZUCKERBERG", "Meta", "Mark Zuckerberg")]
    [InlineData("mark  zuckerberg", "Meta", "Mark Zuckerberg")]
    [InlineData("deepmind", "Google DeepMind", null)]
    [InlineData("altman", "OpenAI", "Sam Altman")]
    public void Names_Aliases_And_People_Are_Found_In_Any_Case(string name, string organisation, string? person)
    {
        var match = Directory.Find(name);

        match.ShouldNotBeNull();
        match.Organisation.Name.ShouldBe(organisation);
        match.Person?.Name.ShouldBe(person);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nobody at all")]
    [InlineData("metadata")]
    public void Unknown_Names_Are_Not_Found(string name)
    {
        Directory.Find(name).ShouldBeNull();
    }

    [Theory]
    [InlineData("zuckerbrg", "Mark Zuckerberg (Meta)")]
    [InlineData("mta", "Meta")]
    [InlineData("opnai", "OpenAI")]
    [InlineData("zucker", "Mark Zuckerberg (Meta)")]
    public void Close_Names_Are_Suggested_Closest_First(string typed, string first)
    {
        var suggestions = Directory.Suggest(typed);

        suggestions.ShouldNotBeEmpty();
        suggestions.Count.ShouldBeLessThanOrEqualTo(3);
        suggestions[0].Display.ShouldBe(first);
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("completely unrelated words")]
    public void Nothing_Close_Means_No_Suggestions(string typed)
    {
        Directory.Suggest(typed).ShouldBeEmpty();
    }

    [Fact]
    public void Suggesting_For_Huge_Input_Stays_Bounded()
    {
        Directory.Suggest(new string('z', 100_000)).ShouldBeEmpty();
    }

    [Fact]
    public void A_List_Of_Names_Reads_Phrases_Commas_And_Multi_Word_Names()
    {
        var (found, unknown) = Directory.ResolveAll(CommandText.Tokenize("meta,openai google deepmind \"Mark Zuckerberg\" nobody"));

        found.Select(m => m.Name).ShouldBe(["Meta", "OpenAI", "Google DeepMind", "Mark Zuckerberg"]);
        unknown.ShouldBe(["nobody"]);
    }

    [Theory]
    [InlineData("meta", "meta", 0)]
    [InlineData("meta", "mtea", 1)]
    [InlineData("meta", "met", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Edit_Distance_Counts_Insertions_Deletions_Substitutions_And_Transpositions(string a, string b, int distance)
    {
        EditDistance.Between(a, b).ShouldBe(distance);
        EditDistance.Between(b, a).ShouldBe(distance);
    }
}
