using System.Buffers;
using System.Globalization;

namespace PolicyBot.Fetching;

/// <summary>
/// Reads a (decompressed) response body into memory, stopping as soon as it passes the size cap, so a huge body
/// or a compression bomb costs at most about the cap in memory.
/// </summary>
internal static class ResponseBodyReader
{
    private const int ChunkSize = 81920;

    /// <summary>The body bytes, or null and a one-line reason when the body is over <paramref name="maxBytes"/>.</summary>
    public static async Task<(byte[]? Body, string? Error)> ReadAsync(HttpContent content, long maxBytes, CancellationToken cancellationToken)
    {
        var declared = content.Headers.ContentLength;
        if (declared > maxBytes)
        {
            return (null, $"the body is {FormatSize(declared.Value)}, over the {FormatSize(maxBytes)} limit (Polling:MaxBodyBytes)");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream((int)Math.Min(declared ?? ChunkSize, maxBytes));
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            while (true)
            {
                var read = await stream.ReadAsync(chunk.AsMemory(0, ChunkSize), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                if (buffer.Length + read > maxBytes)
                {
                    return (null, $"the body exceeds the {FormatSize(maxBytes)} limit (Polling:MaxBodyBytes)");
                }

                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        var body = buffer.Length == buffer.Capacity ? buffer.GetBuffer() : buffer.ToArray();
        return (body, null);
    }

    /// <summary>"10 MB", "64 KB", "900 bytes" (binary units).</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => (bytes / (1024.0 * 1024.0)).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        >= 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        _ => bytes.ToString(CultureInfo.InvariantCulture) + " bytes",
    };
}
