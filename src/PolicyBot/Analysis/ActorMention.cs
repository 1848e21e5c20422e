namespace PolicyBot.Analysis;

/// <summary>One place a text names a catalogue actor: an organisation, or one of its people.</summary>
public sealed record ActorMention(int Start, int Length, ActorOrganisation Organisation, ActorPerson? Person)
{
    public int End => Start + Length;
}
