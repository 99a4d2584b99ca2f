using System.Globalization;
using System.Text.Json;

namespace RubricEngine.Traces.Json;

/// <summary>
/// A <see cref="JsonElement"/> with the path that led to it, so every type or presence check can fail with
/// one precise message (<c>$.messages[3].role: expected a string but found a number</c>).
/// JSON <c>null</c> counts as absent for optional fields.
/// </summary>
internal readonly record struct JsonCursor(JsonElement Element, JsonPath Path)
{
    public static JsonCursor Root(JsonElement element) => new(element, JsonPath.Root);

    public JsonValueKind Kind => Element.ValueKind;

    public bool IsObject => Element.ValueKind == JsonValueKind.Object;

    public bool IsArray => Element.ValueKind == JsonValueKind.Array;

    /// <summary>The property's value, or null when it is missing or JSON null. Requires this to be an object.</summary>
    public JsonCursor? Optional(string name)
    {
        ExpectKind(JsonValueKind.Object);
        return Element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? new JsonCursor(value, Path.Property(name))
            : null;
    }

    /// <summary>The property's value; missing or null is an error naming the field.</summary>
    public JsonCursor Required(string name) =>
        Optional(name) ?? throw new TraceFormatException($"required field '{name}' is missing", Path);

    public bool Has(string name) => IsObject && Element.TryGetProperty(name, out _);

    public string String()
    {
        ExpectKind(JsonValueKind.String);
        return JsonStrings.Get(Element);
    }

    public string RequiredString(string name) => Required(name).String();

    public string? OptionalString(string name) => Optional(name)?.String();

    public double Number()
    {
        ExpectKind(JsonValueKind.Number);
        return Element.GetDouble();
    }

    public double? OptionalNumber(string name) => Optional(name)?.Number();

    public bool? OptionalBool(string name)
    {
        if (Optional(name) is not { } value) return null;
        if (value.Kind is JsonValueKind.True or JsonValueKind.False) return value.Kind == JsonValueKind.True;
        throw value.WrongType("a boolean");
    }

    /// <summary>The items of this array, each with its indexed path.</summary>
    public IEnumerable<JsonCursor> Items()
    {
        ExpectKind(JsonValueKind.Array);
        var path = Path;
        return Element.EnumerateArray().Select((item, i) => new JsonCursor(item, path.Index(i)));
    }

    /// <summary>The items of an optional array property; empty when missing or null.</summary>
    public IEnumerable<JsonCursor> OptionalItems(string name) => Optional(name)?.Items() ?? [];

    public IEnumerable<(string Name, JsonCursor Value)> Properties()
    {
        ExpectKind(JsonValueKind.Object);
        var path = Path;
        return Element.EnumerateObject().Select(p => (p.Name, new JsonCursor(p.Value, path.Property(p.Name))));
    }

    /// <summary>An ISO 8601 date-time string.</summary>
    public DateTimeOffset DateTime()
    {
        var text = String();
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var value)
            ? value
            : throw new TraceFormatException($"expected an ISO 8601 date-time but found '{Shorten(text)}'", Path);
    }

    public void ExpectKind(JsonValueKind kind)
    {
        if (Element.ValueKind != kind) throw WrongType(KindName(kind));
    }

    public TraceFormatException WrongType(string expected) =>
        new($"expected {expected} but found {KindName(Element.ValueKind)}", Path);

    public TraceFormatException Invalid(string reason) => new(reason, Path);

    public static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    public static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
