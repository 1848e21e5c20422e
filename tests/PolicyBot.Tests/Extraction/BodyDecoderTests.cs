using System.Text;
using PolicyBot.Extraction;

namespace PolicyBot.Tests.Extraction;

public sealed class BodyDecoderTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    private readonly BodyDecoder _decoder = new();

    [Fact]
    public void Byte_Order_Mark_Wins_Over_Header_And_Declaration_And_Is_Stripped()
    {
        // Arrange
        var body = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"koi8-r\"?><a>é</a>")).ToArray();

        // Act
        var decoded = _decoder.Decode(body, "text/xml; charset=iso-8859-5");

        // Assert
        decoded.EncodingName.ShouldBe("utf-8");
        decoded.Text.ShouldStartWith("<?xml");
        decoded.Text.ShouldContain("<a>é</a>");
    }

    [Fact]
    public void Utf16_Byte_Order_Mark_Selects_Utf16()
    {
        // Arrange
        var body = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("<rss>ü</rss>")).ToArray();

        // Act
        var decoded = _decoder.Decode(body, null);

        // Assert
        decoded.EncodingName.ShouldBe("utf-16");
        decoded.Text.ShouldBe("<rss>ü</rss>");
    }

    [Fact]
    public void Utf16_Big_Endian_Without_Bom_Is_Detected_From_The_Byte_Layout()
    {
        // Arrange
        var body = Encoding.BigEndianUnicode.GetBytes("<?xml version=\"1.0\" encoding=\"utf-16\"?><rss/>");

        // Act
        var decoded = _decoder.Decode(body, null);

        // Assert
        decoded.EncodingName.ShouldBe("utf-16be");
        decoded.Text.ShouldEndWith("<rss/>");
    }

    [Fact]
    public void Content_Type_Charset_Wins_Over_The_Xml_Declaration()
    {
        // Arrange
        var body = Windows1252.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?><a>caf\u00e9</a>");

        // Act
        var decoded = _decoder.Decode(body, "application/rss+xml; charset=\"windows-1252\"");

        // Assert
        decoded.EncodingName.ShouldBe("windows-1252");
        decoded.Text.ShouldContain("café");
    }

    [Fact]
    public void Xml_Declaration_Is_Used_When_The_Header_Has_No_Charset()
    {
        // Arrange
        var koi8 = CodePagesEncodingProvider.Instance.GetEncoding("koi8-r")!;
        var body = koi8.GetBytes("<?xml version='1.0' encoding='KOI8-R'?><a>Привет</a>");

        // Act
        var decoded = _decoder.Decode(body, "application/xml");

        // Assert
        decoded.EncodingName.ShouldBe("koi8-r");
        decoded.Text.ShouldContain("Привет");
    }

    [Theory]
    [InlineData("<html><head><meta charset=\"windows-1251\"><title>x</title>")]
    [InlineData("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">")]
    public void Html_Meta_Charset_Is_Used_When_Nothing_Else_Declares_One(string head)
    {
        // Arrange
        var cp1251 = CodePagesEncodingProvider.Instance.GetEncoding(1251)!;
        var body = cp1251.GetBytes(head + "<p>Москва</p>");

        // Act
        var decoded = _decoder.Decode(body, "text/html");

        // Assert
        decoded.EncodingName.ShouldBe("windows-1251");
        decoded.Text.ShouldContain("Москва");
    }

    [Fact]
    public void Valid_Utf8_Without_Any_Declaration_Is_Utf8()
    {
        // Act
        var decoded = _decoder.Decode(Encoding.UTF8.GetBytes("<p>naïve — “quotes”</p>"), null);

        // Assert
        decoded.EncodingName.ShouldBe("utf-8");
        decoded.Text.ShouldBe("<p>naïve — “quotes”</p>");
    }

    [Fact]
    public void Invalid_Utf8_Without_Any_Declaration_Falls_Back_To_Windows1252()
    {
        // Arrange
        var body = Windows1252.GetBytes("<p>don\u2019t pay \u20ac5</p>");

        // Act
        var decoded = _decoder.Decode(body, null);

        // Assert
        decoded.EncodingName.ShouldBe("windows-1252");
        decoded.Text.ShouldBe("<p>don\u2019t pay \u20ac5</p>");
    }

    [Theory]
    [InlineData("text/xml; charset=bogus-charset-9")]
    [InlineData("text/xml; charset=")]
    [InlineData("text/xml; charset=\"\"")]
    [InlineData("text/xml; charset=utf-16")]
    [InlineData(";;;charset")]
    public void Bogus_Or_Impossible_Charset_Labels_Are_Skipped_Without_Throwing(string contentType)
    {
        // Act
        var decoded = _decoder.Decode("<rss>plain</rss>"u8, contentType);

        // Assert
        decoded.EncodingName.ShouldBe("utf-8");
        decoded.Text.ShouldBe("<rss>plain</rss>");
    }

    [Fact]
    public void Bogus_Xml_Declaration_Falls_Back_Sensibly()
    {
        // Act
        var decoded = _decoder.Decode("<?xml version=\"1.0\" encoding=\"x-no-such\"?><rss/>"u8, null);

        // Assert
        decoded.EncodingName.ShouldBe("utf-8");
        decoded.Text.ShouldEndWith("<rss/>");
    }

    [Fact]
    public void Latin1_Label_Decodes_As_Windows1252_Like_Browsers()
    {
        // Arrange
        var body = new byte[] { (byte)'d', (byte)'o', (byte)'n', 0x92, (byte)'t' };

        // Act
        var decoded = _decoder.Decode(body, "text/html; charset=ISO-8859-1");

        // Assert
        decoded.Text.ShouldBe("don\u2019t");
    }

    [Fact]
    public void Empty_Body_Decodes_To_Empty_Text()
    {
        // Act
        var decoded = _decoder.Decode([], null);

        // Assert
        decoded.Text.ShouldBe(string.Empty);
    }
}
