using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RubricEngine.Traces;

/// <summary>
/// Writes a <see cref="Trace"/> as <c>rubric-trace/1</c> JSON: indented, fields always in the same order,
/// absent optional fields and empty lists left out, times in round-trip ISO 8601. Reading the output back gives an
/// equal trace (same id, student, sources, messages).
/// </summary>
internal static class CanonicalTraceWriter
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n", // the same bytes on every OS
        // Keeps LaTeX and non-ASCII names readable; the output is a file, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes the trace to a stream as UTF-8 without BOM, ending with a newline.</summary>
    public static void Write(Trace trace, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(trace);
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            Write(trace, writer);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>The trace as canonical JSON text.</summary>
    public static string ToJson(Trace trace)
    {
        using var stream = new MemoryStream();
        Write(trace, stream);
        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    private static void Write(Trace trace, Utf8JsonWriter w)
    {
        w.WriteStartObject();
        w.WriteString("format", TraceFormats.Canonical);
        w.WriteString("id", trace.Id);
        WriteOptional(w, "assignment", trace.Assignment);
        w.WriteStartObject("student");
        w.WriteString("id", trace.Student.Id);
        WriteOptional(w, "name", trace.Student.Name);
        WriteOptional(w, "email", trace.Student.Email);
        w.WriteEndObject();
        WriteOptional(w, "model", trace.Model);

        if (trace.Sources.Count > 0)
        {
            w.WriteStartArray("sources");
            foreach (var source in trace.Sources)
            {
                w.WriteStartObject();
                w.WriteString("id", source.Id);
                WriteOptional(w, "title", source.Title);
                w.WriteString("text", source.Text);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        w.WriteStartArray("messages");
        foreach (var message in trace.Messages)
        {
            w.WriteStartObject();
            w.WriteString("role", message.Role.ToString().ToLowerInvariant());
            WriteOptional(w, "question", message.Question);
            if (message.Time is { } time) w.WriteString("time", time.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("content", message.Content);
            if (message.Attachments.Count > 0)
            {
                w.WriteStartArray("attachments");
                foreach (var a in message.Attachments)
                {
                    w.WriteStartObject();
                    w.WriteString("name", a.Name);
                    WriteOptional(w, "mediaType", a.MediaType);
                    WriteOptional(w, "text", a.Text);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            if (message.Annotations.Count > 0)
            {
                w.WriteStartArray("annotations");
                foreach (var a in message.Annotations)
                {
                    w.WriteStartObject();
                    w.WriteString("text", a.Text);
                    WriteOptional(w, "quote", a.Quote);
                    if (a.Tags.Count > 0)
                    {
                        w.WriteStartArray("tags");
                        foreach (var tag in a.Tags) w.WriteStringValue(tag);
                        w.WriteEndArray();
                    }
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }
}
