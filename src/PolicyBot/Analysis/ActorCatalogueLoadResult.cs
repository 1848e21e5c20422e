namespace PolicyBot.Analysis;

/// <summary>A loaded actors catalogue, or a clear reason it could not be loaded.</summary>
public sealed record ActorCatalogueLoadResult(ActorCatalogue? Catalogue, string? Error)
{
    public static ActorCatalogueLoadResult Success(ActorCatalogue catalogue) => new(catalogue, null);

    public static ActorCatalogueLoadResult Failure(string error) => new(null, error);
}
