using System.Text;
using PolicyBot.Sources;

namespace PolicyBot.Tests.Sources;

public sealed class OpmlFileTests
{
    private static Stream Utf8(string text) => new MemoryStream(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Feeds_Are_Read_From_Nested_Outlines()
    {
        const string opml = """
            <?xml version="1.0"?>
            <opml version="2.0"><head><title>x</title></head><body>
              <outline text="AI policy">
                <outline text="Lab blog" type="rss" xmlUrl="https://example.org/blog.xml" htmlUrl="https://example.org/"/>
                <outline text="Folder only"/>
              </outline>
              <outline title="Regulator" xmlUrl=" https://gov.example/feed " policybotOrgs="European Commission, AI Office"/>
            </body></opml>
            """;

        var (sources, error) = new OpmlFile().Read(Utf8(opml));

        error.ShouldBeNull();
        sources.Select(s => s.Url).ShouldBe(["https://example.org/blog.xml", "https://gov.example/feed"]);
        sources[0].Name.ShouldBe("Lab blog");
        sources[1].Orgs.ShouldBe(["European Commission", "AI Office"]);
    }

    [Fact]
    public void Export_Then_Import_Keeps_Kind_Orgs_Interval_And_Selector()
    {
        var sources = new[]
        {
            new Source { Id = 1, Name = "Feed", Url = "https://example.org/feed.xml", Kind = SourceKind.Feed, Orgs = ["Meta"] },
            new Source { Id = 2, Name = "Page & <policy>", Url = "https://example.org/policy", Kind = SourceKind.Page, Interval = TimeSpan.FromHours(1), Selector = "main > .policy" },
        };
        var file = new OpmlFile();

        var (read, error) = file.Read(Utf8(file.Write(sources, DateTimeOffset.UnixEpoch)));

        error.ShouldBeNull();
        read.Count.ShouldBe(2);
        read[0].Kind.ShouldBe("feed");
        read[0].Orgs.ShouldBe(["Meta"]);
        read[1].Kind.ShouldBe("page");
        read[1].Name.ShouldBe("Page & <policy>");
        read[1].Interval.ShouldBe(TimeSpan.FromHours(1));
        read[1].Selector.ShouldBe("main > .policy");
    }

    [Theory]
    [InlineData("", "not valid OPML")]
    [InlineData("<opml><body><outline xmlUrl='x'></body>", "not valid OPML")]
    [InlineData("<rss version='2.0'><channel/></rss>", "root element is not <opml>")]
    [InlineData("<!DOCTYPE opml [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><opml><body><outline xmlUrl='&x;'/></body></opml>", "not valid OPML")]
    public void Malformed_Or_Hostile_Opml_Gives_A_Clear_Error(string opml, string expected)
    {
        var (sources, error) = new OpmlFile().Read(Utf8(opml));

        sources.ShouldBeEmpty();
        error.ShouldNotBeNull().ShouldContain(expected);
    }
}
