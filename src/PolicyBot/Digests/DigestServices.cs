namespace PolicyBot.Digests;

/// <summary>Digest services for every process; the scheduler part is <see cref="DigestScheduleJob.Configure"/> (only <c>serve</c> runs it).</summary>
public static class DigestServices
{
    public static IServiceCollection AddDigests(this IServiceCollection services) => services
        .AddSingleton<DigestStatementStore>()
        .AddSingleton<DigestBuilder>()
        .AddSingleton<DigestSender>();
}
