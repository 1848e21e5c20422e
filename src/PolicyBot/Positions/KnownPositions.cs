using System.Globalization;
using System.Text.Json;

namespace PolicyBot.Positions;

/// <summary>Reads the bundled <c>Positions/known-positions.json</c>: actors' public positions before PolicyBot saw any statement.</summary>
public sealed class KnownPositions
{
    public IReadOnlyList<Position> Load()
    {
        using var stream = typeof(KnownPositions).Assembly.GetManifestResourceStream("PolicyBot.Positions.known-positions.json")
            ?? throw new InvalidOperationException("The bundled known-positions.json is missing from the build.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("positions").EnumerateArray().Select(p => new Position(
            p.GetProperty("actor").GetString()!,
            p.GetProperty("stance").GetString()!,
            DateTimeOffset.Parse(p.GetProperty("statedAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            p.GetProperty("source").GetString()!)).ToList();
    }
}
