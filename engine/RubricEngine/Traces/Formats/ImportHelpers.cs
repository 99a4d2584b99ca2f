using System.Text.Json;
using RubricEngine.Traces.Json;

namespace RubricEngine.Traces.Formats;

/// <summary>Helpers shared by importers.</summary>
internal static class ImportHelpers
{
    /// <summary>Unix seconds (possibly fractional) to a time; null when out of range or not finite.</summary>
    public static DateTimeOffset? FromUnixSeconds(double? seconds)
    {
        if (seconds is not { } s || !double.IsFinite(s)) return null;
        var ms = Math.Round(s * 1000);
        if (ms < -62135596800000 || ms > 253402300799999) return null;
        return DateTimeOffset.FromUnixTimeMilliseconds((long)ms);
    }

    /// <summary>An optional time that may be ISO 8601 text or unix seconds; unreadable values are errors.</summary>
    public static DateTimeOffset? OptionalTime(JsonCursor obj, string name)
    {
        if (obj.Optional(name) is not { } value) return null;
        return value.Kind switch
        {
            JsonValueKind.String => value.DateTime(),
            JsonValueKind.Number => FromUnixSeconds(value.Number()) ?? throw value.Invalid("time is out of range"),
            _ => throw value.WrongType("a date-time string"),
        };
    }

    /// <summary>True when the root (or, for an array, its first object) has the property.</summary>
    public static bool FirstObjectHas(TraceInput input, params string[] names)
    {
        if (input.Json is not { } root) return false;
        var first = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().FirstOrDefault(e => e.ValueKind == JsonValueKind.Object),
            JsonValueKind.Object => root,
            _ => default,
        };
        return first.ValueKind == JsonValueKind.Object && names.All(n => first.TryGetProperty(n, out _));
    }

    /// <summary>The root (or, for an array, its first object) when it is an object; else null.</summary>
    public static JsonElement? FirstObject(TraceInput input)
    {
        if (input.Json is not { } root) return null;
        var first = root.ValueKind switch
        {
            JsonValueKind.Array => root.EnumerateArray().FirstOrDefault(e => e.ValueKind == JsonValueKind.Object),
            JsonValueKind.Object => root,
            _ => default,
        };
        return first.ValueKind == JsonValueKind.Object ? first : null;
    }

    /// <summary>"an array of conversations with 'x'" or "a conversation with 'x'": the detection reason for <paramref name="field"/>.</summary>
    public static string? HasField(TraceInput input, string field, string what = "conversation") =>
        FirstObject(input) is { } first && first.TryGetProperty(field, out _)
            ? input.Json!.Value.ValueKind == JsonValueKind.Array ? $"an array of {what}s with '{field}'" : $"a {what} with '{field}'"
            : null;

    /// <summary>The conversations of an export: the root array's items, or the root object alone.</summary>
    public static IEnumerable<JsonCursor> Conversations(TraceInput input)
    {
        var root = input.Root;
        return root.IsArray ? root.Items() : [root];
    }
}
