namespace RubricEngine.Reports.Gradebook;

/// <summary>Splits a roster name into the first and last name columns LMS files keep apart.</summary>
internal static class PersonName
{
    /// <summary>"Lopez, Ana" → (Ana, Lopez); "Ana María Lopez" → (Ana María, Lopez); one word is a first name.</summary>
    internal static (string First, string Last) Split(string? name)
    {
        var n = (name ?? "").Trim();
        var comma = n.IndexOf(',');
        if (comma >= 0) return (n[(comma + 1)..].Trim(), n[..comma].Trim());
        var space = n.LastIndexOf(' ');
        return space < 0 ? (n, "") : (n[..space].Trim(), n[(space + 1)..]);
    }
}
