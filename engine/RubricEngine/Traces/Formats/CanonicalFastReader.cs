using System.Globalization;
using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>
/// The common case of <see cref="CanonicalTraceFormat"/> in one forward pass of <see cref="Utf8JsonReader"/> over the
/// file's bytes: no <see cref="JsonDocument"/>, no paths, each string decoded once. It handles only a valid, plain
/// canonical file and gives up (returns null) on anything else — a wrong type, a missing field, a duplicate known
/// field, a lone surrogate escape, anything after the root object, invalid JSON — so the full reader produces the
/// result or the precise error, exactly as it always has. For every input it accepts, the draft equals the full
/// reader's (tests compare the two over samples, generated traces and mutations).
/// </summary>
internal static class CanonicalFastReader
{
    /// <summary>The draft of a valid canonical trace, or null when the full reader must decide.</summary>
    public static TraceDraft? TryRead(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions
        {
            // The same options as the full reader's JsonDocument, so both accept the same syntax.
            MaxDepth = maxDepth,
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        });
        try
        {
            var draft = ReadTrace(ref reader);
            // Only whitespace may follow: a trailing comment or a second value (JSON Lines) goes the long way.
            return json[(int)reader.BytesConsumed..].IndexOfAnyExcept(" \t\r\n"u8) < 0 ? draft : null;
        }
        catch (NotHandledException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString refuses a lone surrogate escape; JsonStrings decodes it leniently on the full path.
            return null;
        }
    }

    /// <summary>Thrown (rarely: only for unusual files) to leave the fast path from any depth.</summary>
    private sealed class NotHandledException : Exception;

    [Flags]
    private enum Seen
    {
        None = 0,
        Format = 1,
        Id = 2,
        Assignment = 4,
        Student = 8,
        Model = 16,
        Sources = 32,
        Messages = 64,
        Role = 128,
        Content = 256,
        Time = 512,
        Question = 1024,
        Attachments = 2048,
        Annotations = 4096,
        Name = 8192,
        Email = 16384,
        Title = 32768,
        Text = 65536,
        MediaType = 131072,
        Quote = 262144,
        Tags = 524288,
    }

    private static TraceDraft ReadTrace(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        Expect(ref reader, JsonTokenType.StartObject);
        string? format = null, id = null, assignment = null, model = null;
        Student? student = null;
        IReadOnlyList<SourceText> sources = [];
        IReadOnlyList<Message>? messages = null;
        var seen = Seen.None;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("format"u8)) { Mark(ref seen, Seen.Format); format = RequiredString(ref reader); }
            else if (reader.ValueTextEquals("id"u8)) { Mark(ref seen, Seen.Id); id = RequiredString(ref reader); }
            else if (reader.ValueTextEquals("messages"u8)) { Mark(ref seen, Seen.Messages); messages = ReadMessages(ref reader); }
            else if (reader.ValueTextEquals("student"u8)) { Mark(ref seen, Seen.Student); student = ReadStudent(ref reader); }
            else if (reader.ValueTextEquals("sources"u8)) { Mark(ref seen, Seen.Sources); sources = ReadSources(ref reader); }
            else if (reader.ValueTextEquals("assignment"u8)) { Mark(ref seen, Seen.Assignment); assignment = OptionalString(ref reader); }
            else if (reader.ValueTextEquals("model"u8)) { Mark(ref seen, Seen.Model); model = OptionalString(ref reader); }
            else SkipValue(ref reader);
        }
        if (format != TraceFormats.Canonical || id is null || id.AsSpan().Trim().IsEmpty || messages is null) throw new NotHandledException();
        return new TraceDraft(id, null, assignment, student, model, sources, messages)
        {
            IdPath = JsonPath.Root.Property("id"),
            StudentPath = student is null ? JsonPath.Root : JsonPath.Root.Property("student"),
        };
    }

    private static Student? ReadStudent(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.Null) return null;
        Expect(ref reader, JsonTokenType.StartObject);
        string? id = null, name = null, email = null;
        var seen = Seen.None;
        while (NextProperty(ref reader))
        {
            if (reader.ValueTextEquals("id"u8)) { Mark(ref seen, Seen.Id); id = OptionalString(ref reader); }
            else if (reader.ValueTextEquals("name"u8)) { Mark(ref seen, Seen.Name); name = OptionalString(ref reader); }
            else if (reader.ValueTextEquals("email"u8)) { Mark(ref seen, Seen.Email); email = OptionalString(ref reader); }
            else SkipValue(ref reader);
        }
        return new Student(id ?? "", name, email);
    }

    private static IReadOnlyList<SourceText> ReadSources(ref Utf8JsonReader reader)
    {
        if (!StartOptionalArray(ref reader)) return [];
        var sources = new List<SourceText>();
        while (NextItem(ref reader))
        {
            Expect(ref reader, JsonTokenType.StartObject);
            string? id = null, title = null, text = null;
            var seen = Seen.None;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("id"u8)) { Mark(ref seen, Seen.Id); id = RequiredString(ref reader); }
                else if (reader.ValueTextEquals("title"u8)) { Mark(ref seen, Seen.Title); title = OptionalString(ref reader); }
                else if (reader.ValueTextEquals("text"u8)) { Mark(ref seen, Seen.Text); text = RequiredString(ref reader); }
                else SkipValue(ref reader);
            }
            sources.Add(new SourceText(Required(id), title, Required(text)));
        }
        return sources.ToArray();
    }

    private static IReadOnlyList<Message> ReadMessages(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        Expect(ref reader, JsonTokenType.StartArray);
        var messages = new List<Message>();
        while (NextItem(ref reader))
        {
            Expect(ref reader, JsonTokenType.StartObject);
            Role? role = null;
            string? content = null, question = null;
            DateTimeOffset? time = null;
            IReadOnlyList<Attachment> attachments = [];
            IReadOnlyList<Annotation> annotations = [];
            var seen = Seen.None;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("role"u8)) { Mark(ref seen, Seen.Role); role = ReadRole(ref reader); }
                else if (reader.ValueTextEquals("content"u8)) { Mark(ref seen, Seen.Content); content = RequiredString(ref reader); }
                else if (reader.ValueTextEquals("question"u8)) { Mark(ref seen, Seen.Question); question = OptionalString(ref reader); }
                else if (reader.ValueTextEquals("time"u8)) { Mark(ref seen, Seen.Time); time = ReadTime(ref reader); }
                else if (reader.ValueTextEquals("annotations"u8)) { Mark(ref seen, Seen.Annotations); annotations = ReadAnnotations(ref reader); }
                else if (reader.ValueTextEquals("attachments"u8)) { Mark(ref seen, Seen.Attachments); attachments = ReadAttachments(ref reader); }
                else SkipValue(ref reader);
            }
            if (role is null) throw new NotHandledException();
            messages.Add(new Message(messages.Count, role.Value, Required(content), time, attachments, annotations, question));
        }
        return messages.ToArray();
    }

    private static Role ReadRole(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        Expect(ref reader, JsonTokenType.String);
        if (reader.ValueTextEquals("user"u8)) return Role.User;
        if (reader.ValueTextEquals("assistant"u8)) return Role.Assistant;
        if (reader.ValueTextEquals("system"u8)) return Role.System;
        if (reader.ValueTextEquals("tool"u8)) return Role.Tool;
        throw new NotHandledException();
    }

    private static DateTimeOffset? ReadTime(ref Utf8JsonReader reader)
    {
        if (OptionalString(ref reader) is not { } text) return null;
        // The same parse as JsonCursor.DateTime; an unreadable time is the full reader's error to report.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value
            : throw new NotHandledException();
    }

    private static IReadOnlyList<Attachment> ReadAttachments(ref Utf8JsonReader reader)
    {
        if (!StartOptionalArray(ref reader)) return [];
        var attachments = new List<Attachment>();
        while (NextItem(ref reader))
        {
            Expect(ref reader, JsonTokenType.StartObject);
            string? name = null, mediaType = null, text = null;
            var seen = Seen.None;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("name"u8)) { Mark(ref seen, Seen.Name); name = RequiredString(ref reader); }
                else if (reader.ValueTextEquals("mediaType"u8)) { Mark(ref seen, Seen.MediaType); mediaType = OptionalString(ref reader); }
                else if (reader.ValueTextEquals("text"u8)) { Mark(ref seen, Seen.Text); text = OptionalString(ref reader); }
                else SkipValue(ref reader);
            }
            attachments.Add(new Attachment(Required(name), mediaType, text));
        }
        return attachments.ToArray();
    }

    private static IReadOnlyList<Annotation> ReadAnnotations(ref Utf8JsonReader reader)
    {
        if (!StartOptionalArray(ref reader)) return [];
        var annotations = new List<Annotation>();
        while (NextItem(ref reader))
        {
            Expect(ref reader, JsonTokenType.StartObject);
            string? text = null, quote = null;
            IReadOnlyList<string> tags = [];
            var seen = Seen.None;
            while (NextProperty(ref reader))
            {
                if (reader.ValueTextEquals("text"u8)) { Mark(ref seen, Seen.Text); text = RequiredString(ref reader); }
                else if (reader.ValueTextEquals("quote"u8)) { Mark(ref seen, Seen.Quote); quote = OptionalString(ref reader); }
                else if (reader.ValueTextEquals("tags"u8)) { Mark(ref seen, Seen.Tags); tags = ReadTags(ref reader); }
                else SkipValue(ref reader);
            }
            annotations.Add(new Annotation(Required(text), quote, tags));
        }
        return annotations.ToArray();
    }

    private static IReadOnlyList<string> ReadTags(ref Utf8JsonReader reader)
    {
        if (!StartOptionalArray(ref reader)) return [];
        var tags = new List<string>();
        while (NextItem(ref reader))
        {
            Expect(ref reader, JsonTokenType.String);
            tags.Add(reader.GetString()!);
        }
        return tags.ToArray();
    }

    /// <summary>Moves to the next property name of the current object; false at its end.</summary>
    private static bool NextProperty(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Moves to the next item of the current array; false at its end.</summary>
    private static bool NextItem(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        return reader.TokenType != JsonTokenType.EndArray;
    }

    /// <summary>Reads an optional array's start; false when the value is null (absent).</summary>
    private static bool StartOptionalArray(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.Null) return false;
        Expect(ref reader, JsonTokenType.StartArray);
        return true;
    }

    private static string RequiredString(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        Expect(ref reader, JsonTokenType.String);
        return reader.GetString()!;
    }

    /// <summary>A string, or null for JSON null (which counts as absent); any other type is the full reader's error.</summary>
    private static string? OptionalString(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        if (reader.TokenType == JsonTokenType.Null) return null;
        Expect(ref reader, JsonTokenType.String);
        return reader.GetString()!;
    }

    /// <summary>The value of an unknown property: ignored, but it must be valid JSON (Skip checks it).</summary>
    private static void SkipValue(ref Utf8JsonReader reader)
    {
        Next(ref reader);
        reader.Skip();
    }

    private static void Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new NotHandledException();
    }

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type)
    {
        if (reader.TokenType != type) throw new NotHandledException();
    }

    /// <summary>A known field given twice: which one wins is the full reader's business.</summary>
    private static void Mark(ref Seen seen, Seen field)
    {
        if ((seen & field) != 0) throw new NotHandledException();
        seen |= field;
    }

    private static string Required(string? value) => value ?? throw new NotHandledException();
}
