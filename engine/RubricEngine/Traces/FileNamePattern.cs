using System.Text;
using System.Text.RegularExpressions;

namespace RubricEngine.Traces;

/// <summary>
/// A file-name pattern with placeholders, <c>{id}_{name}.json</c> or <c>{id}-*.json</c>, matched against a file
/// name (or, when the pattern has <c>/</c>, the end of the path). <c>{name}</c> turns underscores into spaces.
/// </summary>
internal sealed class FileNamePattern
{
    private static readonly string[] Placeholders = ["id", "name", "email"];
    private readonly Regex _regex;
    private readonly bool _matchesPath;

    public FileNamePattern(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        var sb = new StringBuilder();
        var seen = new HashSet<string>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '{')
            {
                var close = pattern.IndexOf('}', i);
                var name = close < 0 ? "" : pattern[(i + 1)..close].Trim().ToLowerInvariant();
                if (!Placeholders.Contains(name) || !seen.Add(name))
                    throw new ArgumentException($"File-name pattern '{pattern}': use each of {{id}}, {{name}}, {{email}} at most once; '{{' starts one of them.", nameof(pattern));
                // Lazy and slash-free; the match runs with a timeout because file names are untrusted.
                sb.Append("(?<").Append(name).Append(">[^/]+?)");
                i = close;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        if (!seen.Contains("id")) throw new ArgumentException($"File-name pattern '{pattern}' needs an {{id}} placeholder.", nameof(pattern));
        _matchesPath = pattern.Contains('/');
        var anchored = (_matchesPath ? "(?:^|/)" : "^") + sb + "$";
        _regex = new Regex(anchored, RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(250));
    }

    public Student? Match(string file)
    {
        var path = file.Replace('\\', '/');
        var subject = _matchesPath ? path : Path.GetFileName(path);
        Match m;
        try { m = _regex.Match(subject); }
        catch (RegexMatchTimeoutException) { return null; }
        if (!m.Success) return null;
        string? Group(string name) => m.Groups[name] is { Success: true } g ? g.Value : null;
        return new Student(Group("id")!, Group("name")?.Replace('_', ' '), Group("email"));
    }
}
