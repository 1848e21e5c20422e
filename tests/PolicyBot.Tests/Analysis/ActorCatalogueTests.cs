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

    [Theory]
    [InlineData("Apple growers expect a record harvest this autumn.", 0)]
    [InlineData("The Amazon rainforest lost more trees this year.", 0)]
    [InlineData("A Mistral wind swept the Rhône valley.", 0)]
    [InlineData("Apple said it would not release model weights. Amazon and AWS agreed.", 3)]
    public void Ambiguous_Names_Are_Dropped_When_Their_Sentence_Says_Otherwise(string text, int expected) =>
        _catalogue.Find(text).Count.ShouldBe(expected);

    [Fact]
    public void Bundled_Catalogue_Covers_Companies_Public_Bodies_And_Open_Source_Bodies()
    {
        // Arrange
        string[] expected =
        [
            "Meta", "OpenAI", "Google", "Google DeepMind", "Anthropic", "Microsoft", "Mistral AI", "xAI", "DeepSeek", "Alibaba", "NVIDIA",
            "Hugging Face", "Stability AI", "IBM", "Amazon", "Apple", "Baidu", "Tencent", "Zhipu AI", "Moonshot AI", "Cohere", "AI21 Labs",
            "Databricks", "Salesforce", "European Commission", "EU AI Office", "European Parliament", "White House",
            "White House Office of Science and Technology Policy", "NTIA", "US Department of Commerce", "Bureau of Industry and Security",
            "Federal Trade Commission", "NIST", "US Congress", "UK Government", "UK AI Security Institute", "Cyberspace Administration of China",
            "Ministry of Industry and Information Technology", "Government of Japan", "India MeitY", "Government of France", "Government of Germany",
            "Open Source Initiative", "Linux Foundation", "EleutherAI", "Allen Institute for AI", "Mozilla", "Apache Software Foundation",
            "Creative Commons", "PyTorch Foundation",
        ];

        // Act
        var names = _catalogue.Organisations.Select(o => o.Name).ToHashSet();

        // Assert
        expected.Where(e => !names.Contains(e)).ShouldBeEmpty();
        _catalogue.Organisations.SelectMany(o => o.People ?? []).ShouldAllBe(p => !string.IsNullOrWhiteSpace(p.Role));
    }

    [Theory]
    [InlineData("Meta", "chief executive", "Mark Zuckerberg")]
    [InlineData("Meta", "CEO", "Mark Zuckerberg")]
    [InlineData("Meta", "boss", "Mark Zuckerberg")]
    [InlineData("Meta", "chief AI scientist", "Yann LeCun")]
    [InlineData("Meta", "former president", "Nick Clegg")]
    [InlineData("Meta", "president", null)]
    [InlineData("Microsoft", "president", "Brad Smith")]
    [InlineData("OpenAI", "chief executive officer", "Sam Altman")]
    [InlineData("OpenAI", "CTO", null)]
    [InlineData("Meta", "", null)]
    public void People_Are_Found_By_Role(string organisation, string role, string? expected) =>
        (_catalogue.FindByRole(_catalogue.FindOrganisation(organisation)!, role) is { } person ? person.Name : null).ShouldBe(expected);

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
