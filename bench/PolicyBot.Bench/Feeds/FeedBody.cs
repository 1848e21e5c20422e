namespace PolicyBot.Bench.Feeds;

/// <summary>One feed's response in one round: the gzip-compressed body (served as is) and its validators.</summary>
internal sealed record FeedBody(byte[] Gzip, int PlainLength, string ContentType, string ETag, string LastModified, bool AnswersNotModified);
