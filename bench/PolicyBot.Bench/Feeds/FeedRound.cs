namespace PolicyBot.Bench.Feeds;

/// <summary>Every feed's response for one round, rendered before the round is timed.</summary>
internal sealed record FeedRound(int Round, IReadOnlyList<FeedBody> Bodies)
{
    /// <summary>Bytes the server holds for this round (compressed), to be told apart from PolicyBot's own memory.</summary>
    public long RetainedBytes => Bodies.Sum(b => (long)b.Gzip.Length);

    /// <summary>The mean uncompressed size of the feeds that do full work this round.</summary>
    public double MeanFullBodyBytes => Bodies.Where(b => !b.AnswersNotModified).Select(b => (double)b.PlainLength).DefaultIfEmpty(0).Average();
}
