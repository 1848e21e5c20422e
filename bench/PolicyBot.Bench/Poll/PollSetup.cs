namespace PolicyBot.Bench.Poll;

/// <summary>The conditions of a poll benchmark run, as reported.</summary>
internal sealed record PollSetup(int Sources, int Hosts, int ItemsPerFeed, int ServerDelayMilliseconds, string Command, double? LoadAverageAtStart);
