using PolicyBot.Analysis;

namespace PolicyBot.Tests.Analysis;

public sealed class ActorCatalogueTests
{
    private readonly ActorCatalogue _catalogue = ActorCatalogue.LoadBundled();

    [Fact]
    public void Bundled_Catalogue_Has_The_Core_Organisations_And_People()
    {
        // Act
        var names = _catalogue.Organisations.Select(o => o.Name).ToList();

        // Assert
        _catalogue.Organisations.Count.ShouldBeGreaterThanOrEqualTo(25);
        names.ShouldContain("Meta");
        names.ShouldContain("Open Source Initiative");
        names.ShouldContain("Cyberspace Administration of China");
        _catalogue.Organisations.ShouldAllBe(o => o.Kind == "company" || o.Kind == "lab" || o.Kind == "government" || o.Kind == "open-source-body");
        Person("Zuckerberg").ShouldBe(("Mark Zuckerberg", "Meta"));
        Person("Altman").ShouldBe(("Sam Altman", "OpenAI"));
        Person("Amodei").ShouldBe(("Dario Amodei", "Anthropic"));
        Person("Hassabis").ShouldBe(("Demis Hassabis", "Google DeepMind"));
        Person("Mensch").ShouldBe(("Arthur Mensch", "Mistral AI"));
        Person("Musk").ShouldBe(("Elon Musk", "xAI"));
        Person("Nadella").ShouldBe(("Satya Nadella", "Microsoft"));
        Person("Huang").ShouldBe(("Jensen Huang", "NVIDIA"));
        Person("Delangue").ShouldBe(("Clément Delangue", "Hugging Face"));
        Person("LeCun").ShouldBe(("Yann LeCun", "Meta"));
    }

    [Fact]
    public void Possessives_Match_And_Words_Inside_Other_Words_Do_Not()
    {
        // Act
        var mentions = _catalogue.Find("Meta's plan uses metadata, Metamorphic code and meta tags; META agreed.");

        // Assert
        mentions.Select(m => m.Organisation.Name).ShouldBe(["Meta", "Meta"]);
        mentions[0].Start.ShouldBe(0);
        mentions[1].Start.ShouldBe("Meta's plan uses metadata, Metamorphic code and meta tags; ".Length);
    }

    [Fact]
    public void Longest_Name_Wins_Where_Names_Overlap()
    {
        // Act
        var mentions = _catalogue.Find("Google DeepMind and Google both spoke, as did Mark Zuckerberg and Zuckerberg’s team.");

        // Assert
        mentions.Select(m => m.Person?.Name ?? m.Organisation.Name)
            .ShouldBe(["Google DeepMind", "Google", "Mark Zuckerberg", "Mark Zuckerberg"]);
        mentions[2].Length.ShouldBe("Mark Zuckerberg".Length);
    }

    [Fact]
    public void Find_Organisation_Accepts_Names_And_Aliases_In_Any_Case()
    {
        // Act / Assert
        _catalogue.FindOrganisation("meta platforms")!.Name.ShouldBe("Meta");
        _catalogue.FindOrganisation("OSI")!.Name.ShouldBe("Open Source Initiative");
        _catalogue.FindOrganisation("Nobody Inc").ShouldBeNull();
    }

    [Theory]
    [InlineData("", "not valid JSON")]
    [InlineData("{", "not valid JSON")]
    [InlineData("[]", "not valid JSON")]
    [InlineData("{}", "no organisations")]
    [InlineData("{\"organisations\": []}", "no organisations")]
    [InlineData("{\"organisations\": [{\"name\": \"\", \"kind\": \"lab\"}]}", "no name")]
    [InlineData("{\"organisations\": [{\"name\": \"X\", \"kind\": \"club\"}]}", "kind 'club'")]
    [InlineData("{\"organisations\": [{\"name\": \"X\", \"kind\": \"lab\"}, {\"name\": \"x\", \"kind\": \"lab\"}]}", "appears twice")]
    [InlineData("{\"organisations\": [{\"name\": \"X\", \"kind\": \"lab\", \"people\": [{\"name\": \" \"}]}]}", "without a name")]
    public void Invalid_Catalogue_Json_Is_A_Clear_Failure(string json, string error)
    {
        // Act
        var result = ActorCatalogue.Parse(json);

        // Assert
        result.Catalogue.ShouldBeNull();
        result.Error.ShouldNotBeNull().ShouldContain(error);
    }

    [Fact]
    public void Catalogue_File_Is_Loaded_With_Comments_And_Trailing_Commas()
    {
        // Act
        var result = ActorCatalogue.LoadFile(AnalysisTestData.PathOf("actors-small.json"));

        // Assert
        result.Error.ShouldBeNull();
        result.Catalogue!.Organisations.Select(o => o.Name).ShouldBe(["Example Lab", "Example Ministry"]);
    }

    [Fact]
    public void Missing_Catalogue_File_Is_A_Failure()
    {
        // Act
        var result = ActorCatalogue.LoadFile(AnalysisTestData.PathOf("no-such-file.json"));

        // Assert
        result.Error.ShouldNotBeNull().ShouldContain("does not exist");
    }

    [Fact]
    public void Huge_Repetitive_Text_Is_Matched_Completely()
    {
        // Arrange
        var text = string.Concat(Enumerable.Repeat("Meta metadata Zuckerberg's ", 40_000));

        // Act
        var mentions = _catalogue.Find(text);

        // Assert
        mentions.Count.ShouldBe(80_000);
    }

    private (string, string) Person(string text)
    {
        var mention = _catalogue.Find(text).ShouldHaveSingleItem();
        return (mention.Person!.Name, mention.Organisation.Name);
    }
}
