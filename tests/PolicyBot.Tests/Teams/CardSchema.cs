using NJsonSchema;

namespace PolicyBot.Tests.Teams;

/// <summary>The Adaptive Card 1.5 and Teams manifest 1.29 JSON schemas from TestData/schemas, loaded once.</summary>
public static class CardSchema
{
    private static readonly Lazy<Task<JsonSchema>> AdaptiveCard = new(() => Load("adaptive-card-1.5.json"));
    private static readonly Lazy<Task<JsonSchema>> TeamsManifest = new(() => Load("teams-manifest-1.29.schema.json"));

    /// <summary>Validation errors of a card (empty when valid), as readable lines.</summary>
    public static async Task<IReadOnlyList<string>> ValidateCardAsync(string cardJson) => Describe((await AdaptiveCard.Value).Validate(cardJson));

    public static async Task<IReadOnlyList<string>> ValidateManifestAsync(string manifestJson) => Describe((await TeamsManifest.Value).Validate(manifestJson));

    private static Task<JsonSchema> Load(string file) =>
        JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "schemas", file));

    private static List<string> Describe(ICollection<NJsonSchema.Validation.ValidationError> errors) =>
        [.. errors.Select(e => $"{e.Path}: {e.Kind} {e}")];
}
