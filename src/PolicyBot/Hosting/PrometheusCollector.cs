using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace PolicyBot.Hosting;

/// <summary>
/// Listens to the counters of the <c>PolicyBot</c> meter (each capability creates its own through
/// <see cref="IMeterFactory"/>) and keeps their totals by tag set, for the Prometheus text at <c>/metrics</c>.
/// </summary>
public sealed class PrometheusCollector : IDisposable
{
    public const string MeterName = "PolicyBot";

    private readonly ConcurrentDictionary<(string Name, string Labels), long> _totals = new();
    private readonly MeterListener _listener = new();

    public PrometheusCollector(IMeterFactory meterFactory)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // only this container's meters: a process may host more than one PolicyBot (tests do)
            if (instrument.Meter.Name == MeterName && ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument is Counter<long>)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var labels = string.Join(',', tags.ToArray().OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key}=\"{Escape(t.Value?.ToString() ?? "")}\""));
            _totals.AddOrUpdate((instrument.Name.Replace('.', '_') + "_total", labels), value, (_, total) => total + value);
        });
        _listener.Start();
    }

    public void WriteTo(StringBuilder text)
    {
        foreach (var group in _totals.GroupBy(t => t.Key.Name).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            text.Append("# TYPE ").Append(group.Key).AppendLine(" counter");
            foreach (var total in group.OrderBy(t => t.Key.Labels, StringComparer.Ordinal))
            {
                text.Append(CultureInfo.InvariantCulture, $"{group.Key}{{{total.Key.Labels}}} {total.Value}").AppendLine();
            }
        }
    }

    public void Dispose() => _listener.Dispose();

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
