using System.Buffers;
using RubricEngine.Text;

namespace RubricEngine.Segmentation;

/// <summary>
/// Recognizes homework question markers by hand-written scanning (no regexes, bounded look-ahead, linear time):
/// "Problem 3b (ii)", "Problem 3.b.ii", "Q4(a)", "4(a)", "3(b)(i)", "(a)(i)", "(ii)", "Part (b)", "b)", rubric
/// aliases ("Machine Translation") and the rubric's named problems ("MT (b)", "mt.b"). Thread-safe.
/// </summary>
public sealed class QuestionMarkers
{
    private const int MaxProblemDigits = 3;
    private const int MaxParts = 3;
    private const int MaxMarkers = 256;

    private static readonly string[] ProblemKeywords = ["problem", "question", "exercise", "prob", "q"];
    private static readonly string[] PartKeywords = ["subpart", "part"];

    private readonly string[] _problemNames;
    private readonly (string Title, QuestionPath Path)[] _aliases;

    /// <summary>Markers for a rubric: its named (non-numeric) problems and its aliases are recognized too.</summary>
    public QuestionMarkers(SegmenterOptions options)
    {
        _problemNames = options.Questions.Select(q => q.Problem).Where(p => !p.All(char.IsAsciiDigit)).Distinct().OrderByDescending(p => p.Length).ThenBy(p => p, StringComparer.Ordinal).ToArray();
        _aliases = options.Aliases.Where(a => a.Key.Trim().Length > 0).Select(a => (a.Key.Trim(), a.Value)).OrderByDescending(a => a.Item1.Length).ThenBy(a => a.Item1, StringComparer.Ordinal).ToArray();
        _cannotStart = CannotStart(ProblemKeywords.Concat(PartKeywords).Concat(_problemNames).Concat(_aliases.Select(a => a.Title)), leadIn: false);
        _cannotStartLeadIn = CannotStart(ProblemKeywords.Concat(PartKeywords).Concat(_problemNames).Concat(_aliases.Select(a => a.Title)), leadIn: true);
    }

    // The same for a lead-in, which may also open with a lower-case part ("b)", "ii)").
    private readonly SearchValues<char> _cannotStartLeadIn;

    /// <summary>
    /// False when <see cref="ReadLeadIn"/> cannot find a marker in a text whose first non-blank character is
    /// <paramref name="first"/> ('\0' for a blank text): lets a caller skip building the text.
    /// </summary>
    internal bool MayStartLeadIn(char first) => first != '\0' && !_cannotStartLeadIn.Contains(first);

    // ASCII characters no marker of free text can start with: FindAll skips them with one vectorized search instead
    // of trying the keyword, name and alias readers at every word of a prompt.
    private readonly SearchValues<char> _cannotStart;

    /// <summary>
    /// The ASCII characters at which neither <see cref="ReadAliasAt"/> nor a free-text <see cref="ReadAt"/> can match:
    /// everything but "(", digits and the first letters (either case) of keywords, problem names and aliases.
    /// Non-ASCII characters are never skipped (case-insensitive matching may fold them onto ASCII letters).
    /// </summary>
    private static SearchValues<char> CannotStart(IEnumerable<string> words, bool leadIn)
    {
        var can = new bool[128];
        can['('] = true;
        for (var c = '0'; c <= '9'; c++) can[c] = true;
        if (leadIn)
            for (var c = 'a'; c <= 'z'; c++) can[c] = true;
        foreach (var word in words)
        {
            var first = word[0];
            if (first > 0x7F)
            {
                // A non-ASCII first letter might match an ASCII one case-insensitively ("ſ" and "s"): keep all letters.
                for (var c = 'a'; c <= 'z'; c++) can[c] = can[char.ToUpperInvariant(c)] = true;
                continue;
            }
            can[first] = true;
            if (char.IsAsciiLetter(first)) can[char.ToLowerInvariant(first)] = can[char.ToUpperInvariant(first)] = true;
        }
        var cannot = new List<char>();
        for (var c = (char)0; c < 128; c++)
            if (!can[c]) cannot.Add(c);
        return SearchValues.Create(cannot.ToArray());
    }

    /// <summary>
    /// The first character of a lead-in after blank space and decoration a copied page or a chatty model puts
    /// before a marker ("⏱️ (a) Training time", "▶ Part (b):"): symbols, emoji and their joiners, at most 6 of them.
    /// </summary>
    internal static int SkipDecoration(string text, int i, int end)
    {
        var start = i;
        while (i < end && i - start < 8)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c) || char.IsSurrogate(c) || c is '\u200d' or '\ufe0f'
                || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.OtherSymbol or System.Globalization.UnicodeCategory.MathSymbol or System.Globalization.UnicodeCategory.NonSpacingMark)
                i++;
            else
                break;
        }
        return i;
    }

    /// <summary>Markers with no rubric knowledge.</summary>
    public static QuestionMarkers Default { get; } = new(new SegmenterOptions());

    /// <summary>
    /// The marker at the start of <paramref name="text"/> (after blank space), as written at the head of a heading,
    /// a bold lead-in or a table cell: "Problem 3(b)", "(ii) Show that …", "b)", "Machine Translation (b)".
    /// </summary>
    public QuestionMarker? ReadLeadIn(string text, int start = 0)
    {
        var i = start;
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return ReadAliasAt(text, i) ?? ReadAt(text, i, leadIn: true);
    }

    /// <summary>
    /// The marker a heading announces: one at its start, else the first "Problem …"/"Part …" marker or alias in it
    /// ("Solution to Problem 3(b)", "Problem 6: Machine Translation"). Bare "(b)" in the middle of a heading is not one.
    /// </summary>
    public QuestionMarker? ReadHeading(string text)
    {
        var lead = ReadLeadIn(text);
        var found = lead ?? FindAll(text).FirstOrDefault(m => (m.HasKeyword || m.Problem is not null) && !IsReference(text, m.Span.Start));
        if (found is null) return null;
        if (found.Alias is null && found.Problem is { } problem && AllDigits(problem) && FindAlias(text, 0) is { } alias)
            return found with { Problem = alias.Path.Problem, Alias = alias.Path, NumberedAs = problem };
        return found;
    }

    private static readonly string[] ReferenceWords = ["in", "from", "of", "using", "use", "like", "per", "see", "with", "as", "by", "on", "upon", "did", "done", "finished", "besides"];

    /// <summary>
    /// True when the marker at <paramref name="start"/> is a reference inside prose ("the conditions derived in part
    /// (i)", "as in 3(a)") rather than what the text is about: the word before it is a preposition.
    /// </summary>
    public static bool IsReference(string text, int start)
    {
        var end = start;
        while (end > 0 && text[end - 1] is ' ' or '\t') end--;
        var begin = end;
        while (begin > 0 && char.IsAsciiLetter(text[begin - 1])) begin--;
        if (begin == end) return false;
        var word = text.AsSpan(begin, end - begin);
        foreach (var r in ReferenceWords)
            if (word.Equals(r, StringComparison.OrdinalIgnoreCase)) return true;
        // "like you did for (a)", "what you wrote for (b)": the part an earlier answer was about.
        if (!word.Equals("for", StringComparison.OrdinalIgnoreCase) && !word.Equals("to", StringComparison.OrdinalIgnoreCase)) return false;
        var before = begin;
        while (before > 0 && text[before - 1] is ' ' or '\t') before--;
        var first = before;
        while (first > 0 && char.IsAsciiLetter(text[first - 1])) first--;
        var verb = text.AsSpan(first, before - first);
        foreach (var v in PastAnswerVerbs)
            if (verb.Equals(v, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static readonly string[] PastAnswerVerbs = ["did", "done", "wrote", "written", "gave", "given", "used", "showed", "shown", "derived"];

    /// <summary>
    /// Every marker in free text (a user's prompt), left to right: keyword markers, "4(a)"-style markers, "(b)"
    /// and aliases anywhere. At most 256.
    /// </summary>
    public IReadOnlyList<QuestionMarker> FindAll(string text)
    {
        var result = new List<QuestionMarker>();
        var i = 0;
        while (i < text.Length && result.Count < MaxMarkers)
        {
            var next = text.AsSpan(i).IndexOfAnyExcept(_cannotStart);
            if (next < 0) break;
            i += next;
            var c = text[i];
            var boundary = i == 0 || (!char.IsLetterOrDigit(text[i - 1]) && text[i - 1] != '\\' && text[i - 1] != '_');
            if (boundary && (char.IsLetterOrDigit(c) || c == '('))
            {
                var marker = ReadAliasAt(text, i) ?? ReadAt(text, i, leadIn: false);
                if (marker is not null)
                {
                    result.Add(marker);
                    i = Math.Max(marker.Span.End, i + 1);
                    continue;
                }
            }
            i++;
        }
        return result;
    }

    /// <summary>The first alias in <paramref name="text"/> at or after <paramref name="from"/>, matched as whole words.</summary>
    public (QuestionPath Path, TextSpan Span)? FindAlias(string text, int from)
    {
        (QuestionPath Path, TextSpan Span)? best = null;
        foreach (var (title, path) in _aliases)
        {
            var at = from;
            while (at <= text.Length - title.Length)
            {
                var found = text.IndexOf(title, at, StringComparison.OrdinalIgnoreCase);
                if (found < 0) break;
                if (IsWordAt(text, found, title.Length))
                {
                    if (best is null || found < best.Value.Span.Start) best = (path, new TextSpan(found, title.Length));
                    break;
                }
                at = found + 1;
            }
        }
        return best;
    }

    private QuestionMarker? ReadAliasAt(string text, int i)
    {
        foreach (var (title, path) in _aliases)
        {
            if (i + title.Length > text.Length || !IsWordAt(text, i, title.Length)) continue;
            if (string.Compare(text, i, title, 0, title.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
            var j = i + title.Length;
            // "Machine Translation (b)": parts written after the title belong to its problem.
            var parts = new List<MarkerPart>();
            var k = j;
            // "Machine Translation: (b)", "Attention Mechanics — (b)".
            var s = k;
            while (s < text.Length && text[s] == ' ') s++;
            if (s < text.Length && text[s] is ':' or '—' or '–' or '-' or ',')
            {
                s++;
                while (s < text.Length && text[s] == ' ') s++;
                if (s < text.Length && text[s] == '(') k = s;
            }
            if (ReadParts(text, ref k, parts, afterProblem: true, requireParen: true) && parts.Count > 0)
                return new QuestionMarker(path.Problem, parts, TextSpan.FromBounds(i, k)) { HasKeyword = true, Alias = path };
            return new QuestionMarker(path.Problem, [], TextSpan.FromBounds(i, j)) { HasKeyword = true, Alias = path };
        }
        return null;
    }

    private QuestionMarker? ReadAt(string text, int start, bool leadIn)
    {
        var j = start;
        if (j >= text.Length) return null;

        if (MatchKeyword(text, ref j, ProblemKeywords, out var keyword))
        {
            var isQ = keyword == "q";
            if (!isQ) SkipSpaces(text, ref j, 2);
            else if (j < text.Length && text[j] == ' ') j++;
            if (j < text.Length && text[j] == '#') j++;
            var problem = ReadProblem(text, ref j);
            var parts = new List<MarkerPart>();
            if (problem is null)
            {
                // "Question (b)": a keyword with only a part.
                if (isQ || !ReadParts(text, ref j, parts, afterProblem: false, requireParen: true) || parts.Count == 0) return null;
                return Finish(text, start, j, null, parts, keyword: true);
            }
            ReadParts(text, ref j, parts, afterProblem: true, requireParen: false, allowAttached: AllDigits(problem), allowDotDigits: true);
            if (parts.Count == 0) ReadPartPhrase(text, ref j, parts);
            return Finish(text, start, j, problem, parts, keyword: true);
        }

        if (MatchKeyword(text, ref j, PartKeywords, out _))
        {
            SkipSpaces(text, ref j, 2);
            var parts = new List<MarkerPart>();
            if (!ReadKeywordPart(text, ref j, parts)) return null;
            ReadParts(text, ref j, parts, afterProblem: false, requireParen: true);
            return Finish(text, start, j, null, Relative(parts), keyword: true);
        }

        var c = text[j];
        if (char.IsAsciiDigit(c) || char.IsLetter(c))
        {
            var p = j;
            var problem = ReadProblem(text, ref p);
            if (problem is not null)
            {
                // A bare number or name is a marker only with a part: "4(a)", "3.b.ii", "MT (b)"; never "4" alone.
                var parts = new List<MarkerPart>();
                var numeric = AllDigits(problem);
                ReadParts(text, ref p, parts, afterProblem: true, requireParen: false, allowAttached: numeric && (leadIn || AttachedPart(text, p)), allowSpaceParen: !numeric || leadIn, lowerOnly: true);
                if (parts.Count > 0) return Finish(text, start, p, problem, parts, keyword: false);
                // "### 2. Summary", "**3.**": a number and a full stop opening a heading or a bold lead-in.
                if (leadIn && numeric && p < text.Length && text[p] == '.' && (p + 1 == text.Length || text[p + 1] is ' ' or '\t' or '*' or '_'))
                    return Finish(text, start, p + 1, problem, parts, keyword: false) is { } numbered ? numbered with { IsNumbered = true } : null;
                return null;
            }
            if (leadIn && char.IsAsciiLetterLower(c))
            {
                // "b)" and "ii)" at the head of a lead-in.
                var k = j;
                var ident = ReadIdent(text, ref k);
                if (ident is not null && k < text.Length && text[k] == ')')
                    return Finish(text, start, k + 1, null, Relative([new MarkerPart(ident, MarkerPartKind.Letter)]), keyword: false);
            }
            return null;
        }

        if (c == '(')
        {
            var parts = new List<MarkerPart>();
            var k = j;
            if (!ReadParts(text, ref k, parts, afterProblem: false, requireParen: true, lowerOnly: true) || parts.Count == 0) return null;
            if (!leadIn && !LooksLikeFreePart(parts[0].Value)) return null;
            return Finish(text, start, k, null, Relative(parts), keyword: false);
        }
        return null;
    }

    /// <summary>True when <paramref name="value"/> is all ASCII digits (a problem number, not a name).</summary>
    private static bool AllDigits(string value) => !value.AsSpan().ContainsAnyExcept("0123456789");

    /// <summary>"3b" in prose ("solve 3b parts i and ii"): a letter a–h glued to a number and followed by a word boundary, not by math.</summary>
    private static bool AttachedPart(string text, int at) =>
        at < text.Length && text[at] is >= 'a' and <= 'h'
        && (at + 1 == text.Length || !(char.IsLetterOrDigit(text[at + 1]) || text[at + 1] is '^' or '_' or '+' or '*' or '/' or '=' or '-' or '\\'));

    /// <summary>In running prose "(x)" or "(n)" is more likely a variable than a part: accept a–h, i, v and longer numerals.</summary>
    private static bool LooksLikeFreePart(string value) =>
        value.Length > 1 || value[0] is >= 'a' and <= 'h' or 'i' or 'v';

    private static QuestionMarker? Finish(string text, int start, int end, string? problem, List<MarkerPart> parts, bool keyword)
    {
        if (end < text.Length && char.IsLetterOrDigit(text[end]) && text[end - 1] != ')') return null;
        if (problem is not null) parts = Positional(parts);
        return new QuestionMarker(problem, parts, TextSpan.FromBounds(start, end)) { HasKeyword = keyword };
    }

    /// <summary>Parts after a problem: the first is the part (letter), the second the sub-part (numeral).</summary>
    private static List<MarkerPart> Positional(List<MarkerPart> parts)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            var v = parts[i].Value;
            var kind = char.IsAsciiDigit(v[0]) ? MarkerPartKind.Number
                : i == 0 ? (v.Length > 1 ? MarkerPartKind.Roman : MarkerPartKind.Letter)
                : RomanNumerals.IsRoman(v) ? MarkerPartKind.Roman : MarkerPartKind.Letter;
            parts[i] = new MarkerPart(v, kind);
        }
        return parts;
    }

    /// <summary>Parts with no problem: the kind of the first decides the level.</summary>
    private static List<MarkerPart> Relative(List<MarkerPart> parts)
    {
        for (var i = 0; i < parts.Count; i++)
        {
            var v = parts[i].Value;
            var kind = char.IsAsciiDigit(v[0]) ? MarkerPartKind.Number
                : v.Length > 1 ? MarkerPartKind.Roman
                : i > 0 && RomanNumerals.IsRoman(v) ? MarkerPartKind.Roman
                : i == 0 && RomanNumerals.IsRoman(v) ? MarkerPartKind.LetterOrRoman
                : MarkerPartKind.Letter;
            parts[i] = new MarkerPart(v, kind);
        }
        return parts;
    }

    private string? ReadProblem(string text, ref int j)
    {
        if (j >= text.Length) return null;
        if (char.IsAsciiDigit(text[j]))
        {
            var k = j;
            while (k < text.Length && char.IsAsciiDigit(text[k]) && k - j <= MaxProblemDigits) k++;
            if (k - j > MaxProblemDigits) return null;
            var value = text[j..k].TrimStart('0');
            j = k;
            return value.Length == 0 ? "0" : value;
        }
        foreach (var name in _problemNames)
        {
            if (IsWordAt(text, j, name.Length, allowDigitAfter: false) && string.Compare(text, j, name, 0, name.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                j += name.Length;
                return name;
            }
        }
        return null;
    }

    /// <summary>
    /// Reads part tokens: "(b)", " (ii)", ".b", "b" glued to a number. Returns false when a "(" starts something
    /// that is not a part.
    /// </summary>
    private static bool ReadParts(string text, ref int j, List<MarkerPart> parts, bool afterProblem, bool requireParen,
        bool allowAttached = false, bool allowSpaceParen = true, bool lowerOnly = false, bool allowDotDigits = false)
    {
        while (parts.Count < MaxParts && j < text.Length)
        {
            var k = j;
            if (text[k] == ' ' && allowSpaceParen && k + 1 < text.Length && text[k + 1] == '(' && (parts.Count > 0 || afterProblem)) k++;
            if (text[k] == '(')
            {
                k++;
                var ident = ReadIdent(text, ref k, lowerOnly, digits: false);
                if (ident is null || k >= text.Length || text[k] != ')') return parts.Count > 0;
                parts.Add(new MarkerPart(ident, MarkerPartKind.Letter));
                j = k + 1;
                // "3(b)ii." and "3(b)ii)": a numeral glued after the part's parenthesis is its sub-part.
                var r = j;
                while (r < text.Length && r - j < 4 && text[r] is 'i' or 'v' or 'x') r++;
                if (r > j && !requireParen && (r == text.Length || text[r] is '.' or ')' or ':' or ' ') && RomanNumerals.IsRoman(text[j..r]))
                {
                    parts.Add(new MarkerPart(text[j..r], MarkerPartKind.Roman));
                    j = r < text.Length && text[r] == ')' ? r + 1 : r;
                }
                continue;
            }
            if (requireParen) break;
            if (text[k] == '.' && (afterProblem || parts.Count > 0) && k + 1 < text.Length && char.IsLetterOrDigit(text[k + 1]))
            {
                k++;
                var ident = ReadIdent(text, ref k, lowerOnly: false, digits: allowDotDigits && parts.Count == 0 && afterProblem);
                if (ident is null || (k < text.Length && char.IsLetterOrDigit(text[k]))) break;
                parts.Add(new MarkerPart(ident, MarkerPartKind.Letter));
                j = k;
                continue;
            }
            if (allowAttached && parts.Count == 0 && (lowerOnly ? char.IsAsciiLetterLower(text[k]) : char.IsAsciiLetter(text[k])) && (k + 1 >= text.Length || !char.IsLetterOrDigit(text[k + 1])))
            {
                parts.Add(new MarkerPart(char.ToLowerInvariant(text[k]).ToString(), MarkerPartKind.Letter));
                j = k + 1;
                // "3b)ii)": the sub-part after the part's closing parenthesis.
                var r = j + 1;
                while (r < text.Length && r - j < 5 && text[r] is 'i' or 'v' or 'x') r++;
                if (j < text.Length && text[j] == ')' && r > j + 1 && r < text.Length && text[r] == ')' && RomanNumerals.IsRoman(text[(j + 1)..r]))
                {
                    parts.Add(new MarkerPart(text[(j + 1)..r], MarkerPartKind.Roman));
                    j = r + 1;
                }
                continue;
            }
            break;
        }
        return true;
    }

    /// <summary>"Problem 3, part (b)" / "Problem 3 part b".</summary>
    private static void ReadPartPhrase(string text, ref int j, List<MarkerPart> parts)
    {
        var k = j;
        if (k < text.Length && text[k] == ',') k++;
        SkipSpaces(text, ref k, 2);
        if (!MatchKeyword(text, ref k, PartKeywords, out _)) return;
        SkipSpaces(text, ref k, 2);
        if (!ReadKeywordPart(text, ref k, parts)) return;
        ReadParts(text, ref k, parts, afterProblem: false, requireParen: true);
        j = k;
    }

    /// <summary>The part after "Part": "(b)", "b", "B", "ii", "2", "b)".</summary>
    private static bool ReadKeywordPart(string text, ref int j, List<MarkerPart> parts)
    {
        if (j >= text.Length) return false;
        if (text[j] == '(') return ReadParts(text, ref j, parts, afterProblem: false, requireParen: true) && parts.Count > 0;
        var k = j;
        var ident = ReadIdent(text, ref k, lowerOnly: false, digits: true);
        if (ident is null) return false;
        if (k < text.Length && text[k] == ')') k++;
        else if (k < text.Length && char.IsLetterOrDigit(text[k])) return false;
        parts.Add(new MarkerPart(ident, MarkerPartKind.Letter));
        j = k;
        return true;
    }

    /// <summary>A part identifier: one letter, a roman numeral up to xx, or (when allowed) one or two digits; lower-cased.</summary>
    private static string? ReadIdent(string text, ref int j, bool lowerOnly = false, bool digits = false)
    {
        var k = j;
        if (digits && k < text.Length && char.IsAsciiDigit(text[k]))
        {
            while (k < text.Length && char.IsAsciiDigit(text[k]) && k - j < 2) k++;
            if (k < text.Length && char.IsAsciiDigit(text[k])) return null;
            var number = text[j..k];
            j = k;
            return number;
        }
        while (k < text.Length && char.IsAsciiLetter(text[k]) && k - j < 5) k++;
        var length = k - j;
        if (length == 0 || (k < text.Length && char.IsAsciiLetter(text[k]))) return null;
        var raw = text.Substring(j, length);
        if (lowerOnly && raw.Any(char.IsAsciiLetterUpper)) return null;
        if (raw.Any(char.IsAsciiLetterUpper) && raw.Any(char.IsAsciiLetterLower)) return null;
        var value = raw.ToLowerInvariant();
        if (length > 1 && !RomanNumerals.IsRoman(value)) return null;
        j = k;
        return value;
    }

    private static bool MatchKeyword(string text, ref int j, string[] keywords, out string keyword)
    {
        foreach (var word in keywords)
        {
            if (j + word.Length > text.Length) continue;
            if (string.Compare(text, j, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
            var after = j + word.Length;
            // "Q4" glues the number on; other keywords end at a non-letter.
            if (after < text.Length && char.IsLetter(text[after])) continue;
            if (word == "q" && !(after < text.Length && (char.IsAsciiDigit(text[after]) || (text[after] == ' ' && after + 1 < text.Length && char.IsAsciiDigit(text[after + 1]))))) continue;
            if (word == "prob" && after < text.Length && text[after] == '.') after++;
            keyword = word;
            j = after;
            return true;
        }
        keyword = "";
        return false;
    }

    private static void SkipSpaces(string text, ref int j, int max)
    {
        var n = 0;
        while (j < text.Length && text[j] is ' ' or '\t' && n++ < max) j++;
    }

    private static void SkipOne(string text, ref int j, char c)
    {
        if (j < text.Length && text[j] == c) j++;
    }

    private static bool IsWordAt(string text, int at, int length, bool allowDigitAfter = true)
    {
        if (at < 0 || at + length > text.Length) return false;
        if (at > 0 && char.IsLetterOrDigit(text[at - 1])) return false;
        var end = at + length;
        if (end < text.Length && (char.IsLetter(text[end]) || (!allowDigitAfter && char.IsDigit(text[end])))) return false;
        return true;
    }
}
