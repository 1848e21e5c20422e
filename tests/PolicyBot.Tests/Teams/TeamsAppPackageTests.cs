using System.IO.Compression;
using System.Text.Json;
using PolicyBot.Teams;
using PolicyBot.Tests.Cli;

namespace PolicyBot.Tests.Teams;

public sealed class TeamsAppPackageTests
{
    private const string AppId = "6A1F0C3E-5B7D-4E2A-9C8F-1D2E3F4A5B6C";

    private static async Task<ZipArchive> PackageAsync(string appId = AppId)
    {
        var buffer = new MemoryStream();
        (await TeamsAppPackager.WriteAsync(appId, buffer, CancellationToken.None)).ShouldBeNull();
        buffer.Position = 0;
        return new ZipArchive(buffer, ZipArchiveMode.Read);
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    private static (int Width, int Height) PngSize(ZipArchive zip, string name)
    {
        using var stream = zip.GetEntry(name)!.Open();
        var header = new byte[24];
        stream.ReadExactly(header);
        header[..8].ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(16)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(20)));
    }

    [Fact]
    public async Task Package_Holds_The_Manifest_With_The_App_Id_And_Both_Icons_At_Their_Sizes()
    {
        using var zip = await PackageAsync();

        zip.Entries.Select(e => e.FullName).ShouldBe(TeamsAppPackager.Files, ignoreOrder: true);
        using var manifest = JsonDocument.Parse(Read(zip, "manifest.json"));
        manifest.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString().ShouldBe(AppId.ToLowerInvariant());
        PngSize(zip, "color.png").ShouldBe((192, 192));
        PngSize(zip, "outline.png").ShouldBe((32, 32));
    }

    [Fact]
    public async Task Packaged_Manifest_Is_Valid_Against_The_Teams_1_29_Schema_And_Lists_The_Commands()
    {
        using var zip = await PackageAsync();
        var json = Read(zip, "manifest.json");

        (await CardSchema.ValidateManifestAsync(json)).ShouldBeEmpty();
        using var manifest = JsonDocument.Parse(json);
        manifest.RootElement.GetProperty("manifestVersion").GetString().ShouldBe("1.29");
        var commands = manifest.RootElement.GetProperty("bots")[0].GetProperty("commandLists")[0].GetProperty("commands").EnumerateArray().Select(c => c.GetProperty("title").GetString()).ToList();
        commands.ShouldContain("meta");
        commands.ShouldContain("subscribe");
        commands.ShouldAllBe(c => c!.Length <= 32);
    }

    [Fact]
    public async Task Manifest_Schema_Check_Can_Fail()
    {
        using var zip = await PackageAsync();
        var broken = Read(zip, "manifest.json").Replace("\"accentColor\": \"#2B5797\"", "\"accentColor\": \"blue\"", StringComparison.Ordinal);

        (await CardSchema.ValidateManifestAsync(broken)).ShouldNotBeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-guid")]
    [InlineData("28:6a1f0c3e-5b7d-4e2a-9c8f-1d2e3f4a5b6c")]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    public async Task An_App_Id_That_Is_Not_A_Guid_Or_Is_The_Placeholder_Is_Refused(string appId)
    {
        using var buffer = new MemoryStream();

        var error = await TeamsAppPackager.WriteAsync(appId, buffer, CancellationToken.None);

        error.ShouldNotBeNull().ShouldContain("GUID");
    }

    [Fact]
    public async Task Teams_Package_Verb_Writes_The_Zip_With_The_Configured_App_Id()
    {
        using var cli = new CliRun(new Dictionary<string, string?> { ["Teams:AppId"] = AppId, ["Teams:AppPassword"] = "secret" });
        var path = Path.Combine(cli.Directory, "app.zip");

        var (code, output, error) = await cli.RunAsync("teams", "package", "--output", path);

        code.ShouldBe(0, error);
        output.ShouldContain(path);
        using var zip = ZipFile.OpenRead(path);
        Read(zip, "manifest.json").ShouldContain(AppId.ToLowerInvariant());
    }

    [Fact]
    public async Task Teams_Package_Verb_Without_An_App_Id_Explains_What_Is_Missing()
    {
        using var cli = new CliRun();

        var (code, _, error) = await cli.RunAsync("teams", "package", "--output", Path.Combine(cli.Directory, "app.zip"));

        code.ShouldBe(2);
        error.ShouldContain("Teams:AppId");
        File.Exists(Path.Combine(cli.Directory, "app.zip")).ShouldBeFalse();
    }

    [Fact]
    public async Task Teams_Package_Verb_Into_A_Missing_Folder_Says_So_Instead_Of_Crashing()
    {
        using var cli = new CliRun();
        var path = Path.Combine(cli.Directory, "no-such-folder", "app.zip");

        var (code, _, error) = await cli.RunAsync("teams", "package", "--output", path, "--app-id", AppId);

        code.ShouldBe(2);
        error.ShouldContain("Could not write");
        error.ShouldNotContain("   at ");
        File.Exists(path).ShouldBeFalse();
    }
}
