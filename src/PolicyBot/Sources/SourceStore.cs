using Dapper;
using PolicyBot.Data;
using PolicyBot.History;

namespace PolicyBot.Sources;

/// <summary>The <c>sources</c> table: what is watched, its schedule (due-ness is data) and its health.</summary>
public sealed class SourceStore(SqliteDatabase database, UrlCanonicalizer canonicalizer)
{
    private const string Columns = """
        id AS Id, name AS Name, url AS Url, kind AS Kind, orgs AS Orgs, interval_seconds AS IntervalSeconds,
        selector AS Selector, enabled AS Enabled, origin AS Origin, title AS Title, etag AS ETag,
        last_modified AS LastModified, next_check_at AS NextCheckAt, last_checked_at AS LastCheckedAt,
        last_success_at AS LastSuccessAt, baseline_at AS BaselineAt, error_count AS ErrorCount, last_error AS LastError, last_warning AS LastWarning
        """;

    private const string Insert = """
        INSERT INTO sources (name, url, kind, orgs, interval_seconds, selector, origin, created_at, next_check_at)
        VALUES (@Name, @Url, @Kind, @Orgs, @IntervalSeconds, @Selector, @Origin, @Now, @Now)
        ON CONFLICT (url) DO NOTHING
        """;

    public async Task<IReadOnlyList<Source>> ListAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SourceRow>(new CommandDefinition(
            $"SELECT {Columns} FROM sources ORDER BY id", cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSource()).ToList();
    }

    /// <summary>The source already watching <paramref name="url"/>, spelt exactly so or differing only in spelling
    /// (scheme and host case, fragment, tracking parameters, a trailing slash).</summary>
    public async Task<Source?> FindWatchingAsync(string url, CancellationToken cancellationToken)
    {
        if (await FindAsync(url, cancellationToken) is { } exact && exact.Url == url)
        {
            return exact;
        }

        var key = SameUrlKey(url);
        return (await ListAsync(cancellationToken)).FirstOrDefault(s => SameUrlKey(s.Url) == key);
    }

    /// <summary>Finds a source by id, exact URL or case-insensitive name.</summary>
    public async Task<Source?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var row = await connection.QueryFirstOrDefaultAsync<SourceRow>(new CommandDefinition(
            $"SELECT {Columns} FROM sources WHERE CAST(id AS TEXT) = @key OR url = @key OR name = @key COLLATE NOCASE ORDER BY id LIMIT 1",
            new { key = key.Trim() }, cancellationToken: cancellationToken));
        return row?.ToSource();
    }

    /// <summary>Enabled sources whose next check is due, oldest first.</summary>
    public async Task<IReadOnlyList<Source>> DueAsync(DateTimeOffset now, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<SourceRow>(new CommandDefinition(
            $"SELECT {Columns} FROM sources WHERE enabled = 1 AND next_check_at <= @now ORDER BY next_check_at, id LIMIT @limit",
            new { now, limit }, cancellationToken: cancellationToken));
        return rows.Select(r => r.ToSource()).ToList();
    }

    /// <summary>Inserts a source; returns null when its URL is already watched.</summary>
    public async Task<Source?> AddAsync(SourceDefinition definition, string origin, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginAsync(cancellationToken);
        var id = await session.Connection.ExecuteScalarAsync<long?>(session.Command(Insert + " RETURNING id", Row(definition, origin, now), cancellationToken));
        await session.CommitAsync(cancellationToken);
        return id is null ? null : await FindAsync(id.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);
    }

    /// <summary>Brings configuration-seeded sources in line with configuration; returns how many were added.</summary>
    public async Task<int> SeedAsync(IReadOnlyList<SourceDefinition> definitions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var session = await database.BeginAsync(cancellationToken);
        var added = 0;
        foreach (var definition in definitions)
        {
            var row = Row(definition, "config", now);
            added += await session.Connection.ExecuteAsync(session.Command(Insert, row, cancellationToken));
            await session.Connection.ExecuteAsync(session.Command(
                """
                UPDATE sources SET name = @Name, kind = @Kind, orgs = @Orgs, interval_seconds = @IntervalSeconds, selector = @Selector
                WHERE url = @Url AND origin = 'config'
                """, row, cancellationToken));
        }

        await session.CommitAsync(cancellationToken);
        return added;
    }

    public async Task<bool> RemoveAsync(long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sources WHERE id = @id", new { id }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Pauses or resumes a source; a resumed source is due at once.</summary>
    public async Task<bool> SetEnabledAsync(long id, bool enabled, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sources SET enabled = @enabled, next_check_at = CASE WHEN @enabled THEN @now ELSE next_check_at END WHERE id = @id",
            new { id, enabled, now }, cancellationToken: cancellationToken)) == 1;
    }

    /// <summary>Records a successful check (changed or not) inside the poll's transaction.</summary>
    public Task RecordSuccessAsync(DbSession session, SourceCheck check, CancellationToken cancellationToken) =>
        session.Connection.ExecuteAsync(session.Command(
            """
            UPDATE sources SET
                etag = @ETag, last_modified = @LastModified, title = COALESCE(@Title, title),
                last_checked_at = @CheckedAt, last_success_at = @CheckedAt, next_check_at = @NextCheckAt,
                baseline_at = COALESCE(baseline_at, @CheckedAt), error_count = 0, last_error = NULL,
                last_warning = CASE WHEN @Modified THEN @Warning ELSE last_warning END
            WHERE id = @SourceId
            """, check, cancellationToken));

    /// <summary>Records a failed check: one more consecutive error, the message, and the backed-off next check.</summary>
    public async Task RecordFailureAsync(long sourceId, string error, DateTimeOffset checkedAt, DateTimeOffset nextCheckAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE sources SET last_checked_at = @checkedAt, next_check_at = @nextCheckAt,
                error_count = error_count + 1, last_error = @error
            WHERE id = @sourceId
            """, new { sourceId, error, checkedAt, nextCheckAt }, cancellationToken: cancellationToken));
    }

    private static object Row(SourceDefinition definition, string origin, DateTimeOffset now) => new
    {
        definition.Name,
        definition.Url,
        Kind = definition.Kind.ToLowerInvariant(),
        Orgs = string.Join(',', definition.Orgs),
        IntervalSeconds = (long?)definition.Interval?.TotalSeconds,
        definition.Selector,
        Origin = origin,
        Now = now,
    };

    private sealed class SourceRow
    {
        public long Id { get; init; }
        public string Name { get; init; } = "";
        public string Url { get; init; } = "";
        public string Kind { get; init; } = "feed";
        public string Orgs { get; init; } = "";
        public long? IntervalSeconds { get; init; }
        public string? Selector { get; init; }
        public bool Enabled { get; init; }
        public string Origin { get; init; } = "cli";
        public string? Title { get; init; }
        public string? ETag { get; init; }
        public string? LastModified { get; init; }
        public DateTimeOffset NextCheckAt { get; init; }
        public DateTimeOffset? LastCheckedAt { get; init; }
        public DateTimeOffset? LastSuccessAt { get; init; }
        public DateTimeOffset? BaselineAt { get; init; }
        public int ErrorCount { get; init; }
        public string? LastError { get; init; }
        public string? LastWarning { get; init; }

        public Source ToSource() => new()
        {
            Id = Id,
            Name = Name,
            Url = Url,
            Kind = Kind == "page" ? SourceKind.Page : SourceKind.Feed,
            Orgs = Orgs.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Interval = IntervalSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            Selector = Selector,
            Enabled = Enabled,
            Origin = Origin,
            Title = Title,
            ETag = ETag,
            LastModified = LastModified,
            NextCheckAt = NextCheckAt,
            LastCheckedAt = LastCheckedAt,
            LastSuccessAt = LastSuccessAt,
            BaselineAt = BaselineAt,
            ErrorCount = ErrorCount,
            LastError = LastError,
            LastWarning = LastWarning,
        };
    }

    /// <summary>The canonical URL with a trailing slash of its path dropped: <c>/feed/</c> and <c>/feed</c> are one resource on real sites.</summary>
    private string SameUrlKey(string url)
    {
        var canonical = canonicalizer.Canonicalize(url);
        var query = canonical.IndexOf('?', StringComparison.Ordinal);
        var (path, rest) = query < 0 ? (canonical, "") : (canonical[..query], canonical[query..]);
        return path.TrimEnd('/') + rest;
    }
}
