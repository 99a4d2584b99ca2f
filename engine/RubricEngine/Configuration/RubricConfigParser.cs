using System.Globalization;
using RubricEngine.Rubrics;

namespace RubricEngine.Configuration;

/// <summary>
/// Reads EditorConfig-like text: <c>#</c>/<c>;</c> comments (whole-line or after a value), optional <c>[glob]</c>
/// sections matched against the rubric's file name (<c>*</c>, <c>?</c>, <c>{a,b}</c>), <c>key = value</c> lines.
/// Keys are case-insensitive. The last assignment of a key wins.
/// </summary>
internal static class RubricConfigParser
{
    public static RubricConfig Parse(string text, string file, string rubricFileName)
    {
        var severities = new Dictionary<string, Setting<Severity>>(StringComparer.OrdinalIgnoreCase);
        var points = new Dictionary<string, Setting<double>>(StringComparer.OrdinalIgnoreCase);
        var warnings = new List<string>();
        TimeSpan? timeout = null;
        var applies = true;
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var number = i + 1;
            var line = StripComment(lines[i]).Trim();
            if (line.Length == 0) continue;
            if (line.StartsWith('['))
            {
                if (!line.EndsWith(']')) throw new RubricConfigException(file, number, $"section header '{line}' has no closing ']'");
                applies = Glob.Matches(line[1..^1].Trim(), rubricFileName);
                continue;
            }
            var equals = line.IndexOf('=');
            if (equals <= 0) throw new RubricConfigException(file, number, $"expected 'key = value', found '{line}'");
            var key = line[..equals].Trim();
            var value = line[(equals + 1)..].Trim();
            if (!applies) continue;

            var parts = key.Split('.');
            if (key.Equals("rubric.timeout", StringComparison.OrdinalIgnoreCase))
            {
                timeout = ParseDuration(value) ?? throw new RubricConfigException(file, number,
                    $"rubric.timeout: '{value}' is not a duration (use e.g. 10s, 500ms, 2m)");
            }
            else if (parts.Length >= 3 && parts[0].Equals("rubric", StringComparison.OrdinalIgnoreCase)
                     && parts[^1].Equals("severity", StringComparison.OrdinalIgnoreCase))
            {
                var id = string.Join('.', parts[1..^1]);
                severities[id] = new Setting<Severity>(ParseSeverity(value) ?? throw new RubricConfigException(file, number,
                    $"{key}: '{value}' is not a severity (use none, info, warning or error)"), number);
            }
            else if (parts.Length >= 3 && parts[0].Equals("rubric", StringComparison.OrdinalIgnoreCase)
                     && parts[^1].Equals("points", StringComparison.OrdinalIgnoreCase))
            {
                var id = string.Join('.', parts[1..^1]);
                if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) || !double.IsFinite(p) || p < 0)
                    throw new RubricConfigException(file, number, $"{key}: '{value}' is not a number of points (use e.g. 0.5)");
                points[id] = new Setting<double>(p, number);
            }
            else
            {
                warnings.Add($"{file}({number}): warning: unknown key '{key}' (known: rubric.<id>.severity, rubric.<id>.points, rubric.timeout)");
            }
        }
        return new RubricConfig { File = file, Severities = severities, Points = points, Timeout = timeout, Warnings = warnings };
    }

    private static string StripComment(string line)
    {
        var trimmed = line.TrimStart();
        if (trimmed.StartsWith('#') || trimmed.StartsWith(';')) return "";
        // An inline comment needs a space before it, so values such as "C#" survive.
        for (var i = 1; i < line.Length; i++)
            if ((line[i] == '#' || line[i] == ';') && char.IsWhiteSpace(line[i - 1])) return line[..i];
        return line;
    }

    private static Severity? ParseSeverity(string value) => value.ToLowerInvariant() switch
    {
        "none" or "silent" or "off" => Severity.None,
        "info" or "suggestion" => Severity.Info,
        "warning" or "warn" => Severity.Warning,
        "error" => Severity.Error,
        _ => null,
    };

    /// <summary><c>10s</c>, <c>1.5 s</c>, <c>500ms</c>, <c>2m</c>, or a bare number of seconds; must be positive.</summary>
    internal static TimeSpan? ParseDuration(string value)
    {
        var v = value.Trim().ToLowerInvariant();
        var (number, scale) = v.EndsWith("ms") ? (v[..^2], 0.001)
            : v.EndsWith('s') ? (v[..^1], 1.0)
            : v.EndsWith('m') ? (v[..^1], 60.0)
            : (v, 1.0);
        if (!double.TryParse(number.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n) || n <= 0 || n * scale > 86_400)
            return null;
        return TimeSpan.FromSeconds(n * scale);
    }

    /// <summary>EditorConfig section globs against a file name: <c>*</c>, <c>**</c>, <c>?</c>, <c>{a,b}</c>.</summary>
    private static class Glob
    {
        public static bool Matches(string pattern, string name)
        {
            foreach (var alternative in Expand(pattern))
                if (Match(alternative.Replace("**", "*"), 0, name, 0)) return true;
            return false;
        }

        private static IEnumerable<string> Expand(string pattern)
        {
            var open = pattern.IndexOf('{');
            var close = open < 0 ? -1 : pattern.IndexOf('}', open);
            if (close < 0) return [pattern];
            return pattern[(open + 1)..close].Split(',')
                .SelectMany(choice => Expand(pattern[..open] + choice + pattern[(close + 1)..]));
        }

        // Iterative wildcard matching with one backtrack point: linear-ish, no exponential blow-up.
        private static bool Match(string p, int pi, string s, int si)
        {
            int star = -1, mark = 0;
            while (si < s.Length)
            {
                if (pi < p.Length && (p[pi] == '?' || char.ToLowerInvariant(p[pi]) == char.ToLowerInvariant(s[si]))) { pi++; si++; }
                else if (pi < p.Length && p[pi] == '*') { star = pi++; mark = si; }
                else if (star >= 0) { pi = star + 1; si = ++mark; }
                else return false;
            }
            while (pi < p.Length && p[pi] == '*') pi++;
            return pi == p.Length;
        }
    }
}
