using System.Text.Json;

namespace RubricEngine.Traces.Json;

/// <summary>
/// Finds where the value at a JSON path starts in the raw bytes, by re-scanning them with
/// <see cref="Utf8JsonReader"/>: a <see cref="JsonDocument"/> does not keep positions, and a TA needs
/// line:column to open the file at the problem. Subtrees off the path are skipped.
/// </summary>
internal static class JsonLocator
{
    /// <summary>The byte offset of the token at <paramref name="path"/>, or null when it cannot be found.</summary>
    public static long? Locate(ReadOnlySpan<byte> json, JsonPath path, int maxDepth)
    {
        var target = path.Segments();
        if (target.Count == 0)
        {
            var root = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            return root.Read() ? root.TokenStartIndex : null;
        }

        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        // One frame per open container on the path: the current array index or property name.
        var frames = new List<(bool IsArray, int Index, string? Property)>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        frames[^1] = (false, -1, JsonStrings.Get(ref reader));
                        continue;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        if (frames.Count == 0) return null;
                        continue;
                }

                // A value token. Its segment is the enclosing frame's current property or next index.
                var depth = frames.Count;
                if (depth > 0)
                {
                    var (isArray, index, property) = frames[^1];
                    if (isArray) frames[^1] = (true, ++index, null);
                    if (!SegmentMatches(target[depth - 1], isArray, index, property))
                    {
                        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                        continue;
                    }
                    if (depth == target.Count) return reader.TokenStartIndex;
                }

                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    frames.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                else if (depth == 0)
                    return null; // a scalar root has no children
            }
        }
        catch (JsonException)
        {
            // The document parsed before, so this is unexpected; a location is only a courtesy.
        }
        return null;
    }

    private static bool SegmentMatches(object segment, bool isArray, int index, string? property) =>
        segment is int i ? isArray && i == index : !isArray && string.Equals((string)segment, property, StringComparison.Ordinal);
}
