namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// Put <c>[Collection(SerialTestCollection.Name)]</c> on a test class whose assertions would be disturbed by other tests
/// running at the same time (process-wide allocation counts, say): xunit runs this collection alone, after the others.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialTestCollection
{
    public const string Name = "Serial";
}
