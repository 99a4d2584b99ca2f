using System.Globalization;

namespace RubricEngine.Checks;

/// <summary>
/// Finds numbers (value, unit, qualifier) and identifiers with digits in plain text, in one left-to-right pass
/// with bounded look-around: linear time, no regular expressions, safe on 400-digit runs and "1e999999".
/// </summary>
internal static class NumberScanner
{
    private const int MaxDigits = 30;

    /// <summary>How to read the text.</summary>
    internal enum Mode
    {
        /// <summary>An answer's prose: labels, enumerators, years and subscripts are not claims.</summary>
        Claims,

        /// <summary>A heading in an answer: only numbers with a unit are claims (the rest name parts).</summary>
        Heading,

        /// <summary>Grounding material: every number counts.</summary>
        Source,
    }

    /// <summary>Scans <paramref name="t"/>, adding numbers to <paramref name="quantities"/> and identifiers (and, in claims mode, years) to <paramref name="identifiers"/>.</summary>
    public static void Scan(string t, Mode mode, List<Quantity> quantities, List<IdentifierToken>? identifiers)
    {
        var i = 0;
        while (i < t.Length)
        {
            var c = t[i];
            if (IsDigit(c))
            {
                i = ScanNumber(t, i, mode, quantities, identifiers);
            }
            else if (char.IsLetter(c))
            {
                i = ScanWord(t, i, mode, quantities, identifiers);
            }
            else if (c is '【' or '\ue200')
            {
                i = SkipCitation(t, i);
            }
            else
            {
                i++;
            }
        }
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9';

    /// <summary>
    /// A citation marker an assistant or exporter left in the text: "【11†source】", "【4:0†notes.md】", or ChatGPT's
    /// private-use "\ue200cite\ue202turn0search1\ue201". Its digits are references, never numbers.
    /// </summary>
    private static int SkipCitation(string t, int i)
    {
        var close = t[i] == '【' ? '】' : '\ue201';
        var limit = Math.Min(t.Length, i + 200);
        for (var k = i + 1; k < limit; k++)
            if (t[k] == close) return k + 1;
        return i + 1;
    }

    private static readonly string[] Fractions = ["half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

    /// <summary>"a sixth", "an eighth", "one third": the denominator and where the fraction word ends, or 0.</summary>
    private static (int Denominator, int End) FractionAfter(string t, int i, int wordEnd)
    {
        var article = t.AsSpan(i, wordEnd - i);
        if (!(article.Equals("a", StringComparison.OrdinalIgnoreCase) || article.Equals("an", StringComparison.OrdinalIgnoreCase) || article.Equals("one", StringComparison.OrdinalIgnoreCase))
            || wordEnd + 1 >= t.Length || t[wordEnd] != ' ')
            return (0, i);
        var end = LetterRunEnd(t, wordEnd + 1);
        var word = t.AsSpan(wordEnd + 1, end - wordEnd - 1);
        for (var f = 0; f < Fractions.Length; f++)
            if (word.Equals(Fractions[f], StringComparison.OrdinalIgnoreCase)) return (f + 2, end);
        return (0, i);
    }

    /// <summary>The unit after "half a" / "half an" at <paramref name="i"/> ("half a percentage point"), or null.</summary>
    private static Units.Unit? HalfOf(string t, int i, int wordEnd, out int end)
    {
        end = i;
        if (!t.AsSpan(i, wordEnd - i).Equals("half", StringComparison.OrdinalIgnoreCase) || wordEnd + 3 >= t.Length || t[wordEnd] != ' ') return null;
        var articleEnd = LetterRunEnd(t, wordEnd + 1);
        var article = t.AsSpan(wordEnd + 1, articleEnd - wordEnd - 1);
        if (!(article.Equals("a", StringComparison.OrdinalIgnoreCase) || article.Equals("an", StringComparison.OrdinalIgnoreCase))) return null;
        // Sources are wrapped text: the unit may start the next line ("half a\npercentage point").
        var k = articleEnd;
        while (k < t.Length && k - articleEnd < 3 && char.IsWhiteSpace(t[k])) k++;
        var unitEnd = LetterRunEnd(t, k);
        if (k == articleEnd || unitEnd == k || Units.Lookup(t.AsSpan(k, unitEnd - k), attached: false) is not { IsMagnitude: false } unit) return null;
        end = unitEnd;
        if (unit.Dimension != Dimension.Percent) return unit;
        var p = end;
        while (p < t.Length && p - end < 3 && char.IsWhiteSpace(t[p])) p++;
        var pointEnd = LetterRunEnd(t, p);
        var next = t.AsSpan(p, pointEnd - p);
        if (p == end || !(next.Equals("point", StringComparison.OrdinalIgnoreCase) || next.Equals("points", StringComparison.OrdinalIgnoreCase))) return unit;
        end = pointEnd;
        return new Units.Unit(Dimension.Points, 1);
    }

    /// <summary>"turn0search1", "citeturn0search1turn0news3": a citation marker whose private-use delimiters an exporter dropped.</summary>
    private static bool IsCitationWord(ReadOnlySpan<char> word)
    {
        var at = word.IndexOf("turn", StringComparison.Ordinal);
        return at >= 0 && at + 4 < word.Length && IsDigit(word[at + 4]);
    }

    private static bool IsAsciiLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    private static bool IsAlnum(char c) => IsDigit(c) || char.IsLetter(c);

    /// <summary>A word starting with a letter: an identifier when it has digits, a number word, or plain prose.</summary>
    private static int ScanWord(string t, int i, Mode mode, List<Quantity> quantities, List<IdentifierToken>? identifiers)
    {
        var end = WordEnd(t, i);
        var word = t.AsSpan(i, end - i);
        var hasDigit = false;
        foreach (var ch in word)
            if (IsDigit(ch)) { hasDigit = true; break; }
        if (hasDigit)
        {
            if (IsCitationWord(word)) return end;
            // "W_1", "x2" and "L2" are variables or common names, not things to look up.
            if (identifiers is not null && word.Length >= 3 && !word.Contains('_') && LetterCount(word) + DigitCount(word) >= 3
                && (LetterCount(word) >= 2 || DigitCount(word) >= 2))
                identifiers.Add(new IdentifierToken(i, end, word.ToString()));
            return end;
        }

        var wordEnd = LetterRunEnd(t, i);
        if (mode == Mode.Source && wordEnd - i <= 3 && FractionAfter(t, i, wordEnd) is (> 0 and var denominator, var fractionEnd))
        {
            // "finishes in about a sixth of the time": six times faster, as a reader takes it.
            quantities.Add(new Quantity(i, fractionEnd, denominator, Dimension.Ratio, 1, 1, true, true));
            return fractionEnd;
        }
        if (mode == Mode.Source && HalfOf(t, i, wordEnd, out var halfEnd) is { } half)
        {
            // "half a percentage point", "half an hour": 0.5 of the unit.
            var (halfDimension, halfFactor, halfScale) = Resolve(half);
            quantities.Add(new Quantity(i, halfEnd, 0.5 * halfScale, halfDimension, halfFactor, 0.1 * halfScale, false, true));
            return halfEnd;
        }
        if (Units.NumberWord(t.AsSpan(i, wordEnd - i)) >= 0 || t.AsSpan(i, wordEnd - i).Equals("twice", StringComparison.OrdinalIgnoreCase))
            return ScanNumberWords(t, i, mode, quantities);
        return end;
    }

    /// <summary>End of a token of letters and digits joined by '-', '.', '_' or '/' ("ResNet-18-style", "p3.2xlarge").</summary>
    private static int WordEnd(string t, int i)
    {
        var j = i;
        while (j < t.Length && j - i < 200)
        {
            if (IsAlnum(t[j])) { j++; continue; }
            if (t[j] is '-' or '.' or '_' && j + 1 < t.Length && IsAlnum(t[j + 1]) && j > i) { j++; continue; }
            break;
        }
        while (j < t.Length && IsAlnum(t[j])) j++; // a 200+ character token: consume the rest without joining
        return j;
    }

    private static int LetterRunEnd(string t, int i)
    {
        var j = i;
        while (j < t.Length && char.IsLetter(t[j])) j++;
        return j;
    }

    private static int LetterCount(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s) if (char.IsLetter(c)) n++;
        return n;
    }

    private static int DigitCount(ReadOnlySpan<char> s)
    {
        var n = 0;
        foreach (var c in s) if (IsDigit(c)) n++;
        return n;
    }

    /// <summary>"five minutes", "twenty-four hours", "three times": a spelled-out number, a claim only with a unit (in answers).</summary>
    private static int ScanNumberWords(string t, int start, Mode mode, List<Quantity> quantities)
    {
        long total = 0, current = 0;
        var j = start;
        var end = start;
        var words = 0;
        while (j < t.Length && words < 12)
        {
            var wordEnd = LetterRunEnd(t, j);
            var word = t.AsSpan(j, wordEnd - j);
            if (words == 0 && word.Equals("twice", StringComparison.OrdinalIgnoreCase))
            {
                if (mode != Mode.Heading)
                    quantities.Add(new Quantity(QualifierStart(t, start, out var approx), wordEnd, 2, Dimension.Ratio, 1, 1, approx, true));
                return wordEnd;
            }
            var v = Units.NumberWord(word);
            if (v < 0) break;
            if (v >= 1000) { total += Math.Max(current, 1) * v; current = 0; }
            else if (v == 100) current = Math.Max(current, 1) * 100;
            else current += v;
            words++;
            end = wordEnd;
            // "twenty-four", "one hundred and five"
            var k = wordEnd;
            if (k < t.Length && (t[k] == '-' || t[k] == ' ')) k++;
            if (k + 4 < t.Length && t.AsSpan(k, 4).Equals("and ", StringComparison.OrdinalIgnoreCase)) k += 4;
            if (k >= t.Length || !char.IsLetter(t[k]) || Units.NumberWord(t.AsSpan(k, LetterRunEnd(t, k) - k)) < 0) break;
            j = k;
        }
        var value = total + current;
        var unit = ReadUnit(t, end, attachedAllowed: false, out var unitEnd);
        if (unit is null && RangeUnit(t, end) is ({ } rangeUnit, var rangeEnd))
        {
            // "ten to twenty percent": the near end of the range takes the far end's unit, and the far end is read next.
            var (rangeDimension, rangeFactor, rangeScale) = Resolve(rangeUnit);
            quantities.Add(new Quantity(QualifierStart(t, start, out var rangeApprox), rangeEnd, value * rangeScale, rangeDimension, rangeFactor, rangeScale, rangeApprox, true));
            return end;
        }
        if (unit is null && mode != Mode.Source) return end;
        var (dimension, factor, scale) = Resolve(unit);
        var qualStart = QualifierStart(t, start, out var approximate);
        if (mode == Mode.Heading && unit is null) return end;
        quantities.Add(new Quantity(qualStart, unit is null ? end : unitEnd, value * scale, dimension, factor, scale, approximate, true));
        return unit is null ? end : unitEnd;
    }

    private static (Dimension Dimension, double Factor, double Scale) Resolve(Units.Unit? unit) => unit switch
    {
        null => (Dimension.Count, 1, 1),
        { IsMagnitude: true } u => (u.Dimension, 1, u.Factor),
        { } u => (u.Dimension, u.Factor, 1),
    };

    private static int ScanNumber(string t, int start, Mode mode, List<Quantity> quantities, List<IdentifierToken>? identifiers)
    {
        var j = start;
        // Integer part, with thousands separators "1,000,000".
        while (j < t.Length && (IsDigit(t[j]) || (t[j] == ',' && j + 3 < t.Length + 0 && IsThousands(t, j)))) j++;
        var intEnd = j;
        if (DigitCount(t.AsSpan(start, intEnd - start)) > MaxDigits) return SkipToken(t, j);

        // French and German replies: "2 450" (a space between thousands), "92,7 %" (a decimal comma).
        var plainInteger = intEnd - start <= 3 && t.AsSpan(start, intEnd - start).IndexOf(',') < 0;
        while (plainInteger && IsSpacedThousands(t, j)) j += 4;
        var decimalComma = false;
        var decimals = 0;
        if (plainInteger && j == intEnd && IsDecimalComma(t, j))
        {
            decimalComma = true;
            j++;
            while (j < t.Length && IsDigit(t[j])) j++;
            decimals = j - intEnd - 1;
        }
        else if (j + 1 < t.Length && t[j] == '.' && IsDigit(t[j + 1]))
        {
            j++;
            var fracStart = j;
            while (j < t.Length && IsDigit(t[j])) j++;
            decimals = j - fracStart;
            if (decimals > MaxDigits) return SkipToken(t, j);
        }

        // "4.b", "3.b.ii", "1.2.3": a question id or a version, not a number.
        if (j + 1 < t.Length && t[j] == '.' && IsAlnum(t[j + 1]) && !(t[j + 1] is 'e' or 'E' && j + 2 < t.Length && IsDigit(t[j + 2])))
            return SkipToken(t, j);

        var mantissa = t.AsSpan(start, j - start);
        var exponent = 0L;
        var hasExponent = false;
        if (j + 1 < t.Length && t[j] is 'e' or 'E')
        {
            var k = j + 1;
            var negative = false;
            if (k < t.Length && t[k] is '+' or '-' or '−') { negative = t[k] != '+'; k++; }
            if (k < t.Length && IsDigit(t[k]))
            {
                var expStart = k;
                while (k < t.Length && IsDigit(t[k])) k++;
                exponent = ParseExponent(t.AsSpan(expStart, k - expStart), negative);
                hasExponent = true;
                j = k;
            }
        }

        // "10^9", "10⁹": a bare power of ten.
        if (!hasExponent && decimals == 0 && mantissa.SequenceEqual("10") && TryPower(t, j, out var power, out var powerEnd))
        {
            mantissa = "1";
            exponent = power;
            hasExponent = true;
            j = powerEnd;
        }

        // "2.8 × 10^9", "2.8x10⁹", "2.8 \times 10^9"
        if (TryTimesTenPower(t, j, out var sciPower, out var sciEnd))
        {
            exponent += sciPower;
            hasExponent = true;
            j = sciEnd;
        }

        var numberEnd = j;
        // "32-bit", "16-bit floats", "2-way split", "5-shot": the number names a kind of thing, it measures nothing.
        if (mode != Mode.Source && !hasExponent && IsTermSuffix(t, numberEnd)) return SkipToken(t, numberEnd + 1);
        var value = Parse(mantissa, exponent, decimalComma, out var finite);
        var step = Math.Pow(10, -decimals) * Math.Pow(10, Math.Clamp(exponent, -300, 300));

        // Attached letters: a unit ("341s", "3x", "125TFLOPS"), an ordinal ("3rd"), or part of a name ("3090Ti").
        var unit = (Units.Unit?)null;
        var end = numberEnd;
        if (j < t.Length && IsAsciiLetter(t[j]))
        {
            var suffixEnd = j;
            while (suffixEnd < t.Length && IsAsciiLetter(t[suffixEnd])) suffixEnd++;
            var suffix = t.AsSpan(j, suffixEnd - j);
            if (suffixEnd < t.Length && IsDigit(t[suffixEnd]))
                return SkipToken(t, suffixEnd); // "3x3", "2d4": dimensions or a code
            if (suffix is "st" or "nd" or "rd" or "th") return suffixEnd;
            unit = ReadUnit(t, j, attachedAllowed: true, out end);
            if (unit is null)
            {
                var tokenEnd = WordEnd(t, start);
                if (identifiers is not null && tokenEnd - start >= 3)
                    identifiers.Add(new IdentifierToken(start, tokenEnd, t[start..tokenEnd]));
                return tokenEnd;
            }
        }
        else
        {
            unit = ReadUnit(t, j, attachedAllowed: false, out end);
            if (unit is null) end = numberEnd;
        }

        // A magnitude may be followed by a unit: "1.5 million FLOPs", "2.8 billion".
        var (dimension, factor, scale) = Resolve(unit);
        if (unit is { IsMagnitude: true })
        {
            var next = ReadUnit(t, end, attachedAllowed: false, out var nextEnd);
            if (next is { IsMagnitude: false } u)
            {
                dimension = u.Dimension;
                factor = u.Factor;
                end = nextEnd;
            }
        }
        value *= scale;
        step *= scale;

        // "8 × V100", "(4× T4)": copies of a named thing, a count, not a speedup.
        if (dimension == Dimension.Ratio && unit is { IsMagnitude: false } && NextIsName(t, end))
        {
            dimension = Dimension.Count;
            factor = 1;
            end = numberEnd;
        }

        // "5 min 41 s": one duration.
        if (dimension == Dimension.Time && unit is { IsMagnitude: false } && TryDurationTail(t, end, factor, out var tailValue, out var tailFactor, out var tailEnd))
        {
            value = value * factor / tailFactor + tailValue;
            step = 1;
            factor = tailFactor;
            end = tailEnd;
        }

        // "2-3x", "10–20%", "2 to 4 epochs": the first end of a range takes the unit of the second.
        if (unit is null && mode != Mode.Heading && RangeUnit(t, numberEnd) is ({ } rangeUnit, var rangeEnd))
        {
            (dimension, factor, var rangeScale) = Resolve(rangeUnit);
            value *= rangeScale;
            step *= rangeScale;
            var rangeStart = QualifierStart(t, CurrencyStart(t, start), out var rangeApprox);
            quantities.Add(new Quantity(rangeStart, rangeEnd, value, dimension, factor, step, rangeApprox, finite && double.IsFinite(value)));
            return numberEnd;
        }

        // "3 x 3 kernels": dimensions, not a multiplier.
        if (dimension == Dimension.Ratio && unit is { IsMagnitude: false } && NextNonSpaceIsDigit(t, end))
            return SkipToken(t, end);

        var qualStart = QualifierStart(t, CurrencyStart(t, start), out var approximate);
        var bare = unit is null;
        if (mode != Mode.Source && bare && !hasExponent && IsNotAClaim(t, start, numberEnd, mode, decimals, mantissa, identifiers))
            return numberEnd;

        quantities.Add(new Quantity(qualStart, end, value, dimension, factor, step, approximate, finite && double.IsFinite(value)));
        return end;
    }

    /// <summary>Where a number's claim starts: at its currency sign when it has one ("$0.42").</summary>
    private static int CurrencyStart(string t, int start) => start > 0 && t[start - 1] is '$' or '€' or '£' ? start - 1 : start;

    // Words that make "N-word" a term: "32-bit", "2-way", "5-shot", "4-gram".
    private static readonly string[] TermSuffixes = ["bit", "bits", "way", "shot", "gram", "grams", "dim", "tuple", "ary", "hot"];

    private static bool IsTermSuffix(string t, int i)
    {
        if (i + 1 >= t.Length || t[i] != '-' || !IsAsciiLetter(t[i + 1])) return false;
        var k = i + 1;
        while (k < t.Length && IsAsciiLetter(t[k]) && k - i <= 6) k++;
        if (k < t.Length && IsAlnum(t[k])) return false;
        var word = t.AsSpan(i + 1, k - i - 1);
        foreach (var suffix in TermSuffixes)
            if (word.Equals(suffix, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>A name with digits next ("V100", "T4s", "NVIDIA V100"): the number before "×" counts copies of it.</summary>
    private static bool NextIsName(string t, int i)
    {
        var k = SkipSpaces(t, i, 2);
        for (var words = 0; words < 2; words++)
        {
            if (k >= t.Length || !char.IsAsciiLetterUpper(t[k])) return false;
            var end = WordEnd(t, k);
            for (var m = k; m < end; m++)
                if (IsDigit(t[m])) return true;
            if (t.AsSpan(k, end - k) is "GPU" or "GPUs" or "TPU" or "TPUs") return true;
            k = SkipSpaces(t, end, 1); // a maker's name before the model: "NVIDIA V100"
        }
        return false;
    }

    /// <summary>" 41 s" after "5 min": a smaller time unit continuing the duration.</summary>
    private static bool TryDurationTail(string t, int i, double factor, out double value, out double tailFactor, out int end)
    {
        value = 0;
        tailFactor = 0;
        end = i;
        var k = SkipSpaces(t, i, 2);
        if (k == i || k >= t.Length || !IsDigit(t[k])) return false;
        var digitsEnd = k;
        while (digitsEnd < t.Length && IsDigit(t[digitsEnd]) && digitsEnd - k < 4) digitsEnd++;
        if (digitsEnd < t.Length && (IsDigit(t[digitsEnd]) || t[digitsEnd] is '.' or ',')) return false;
        var unit = IsAsciiLetter(t[Math.Min(digitsEnd, t.Length - 1)]) && digitsEnd < t.Length
            ? ReadUnit(t, digitsEnd, attachedAllowed: true, out var unitEnd)
            : ReadUnit(t, digitsEnd, attachedAllowed: false, out unitEnd);
        if (unit is not { Dimension: Dimension.Time, IsMagnitude: false } u || u.Factor >= factor) return false;
        value = int.Parse(t.AsSpan(k, digitsEnd - k), NumberStyles.None, CultureInfo.InvariantCulture);
        tailFactor = u.Factor;
        end = unitEnd;
        return true;
    }

    /// <summary>
    /// The unit of the far end of a range starting at <paramref name="i"/> ("-3x", "–20%", " to 4 epochs", " to
    /// twenty percent"), with where that unit ends; null when no range with a unit follows.
    /// </summary>
    private static (Units.Unit? Unit, int End) RangeUnit(string t, int i)
    {
        if (i >= t.Length) return (null, i);
        int k;
        if (t[i] is '-' or '–' or '—') k = i + 1;
        else if (i + 4 <= t.Length && t[i] == ' ' && (t.AsSpan(i + 1).StartsWith("to ", StringComparison.Ordinal) || t.AsSpan(i + 1).StartsWith("– ", StringComparison.Ordinal)))
            k = i + (t[i + 1] == '–' ? 3 : 4);
        else return (null, i);
        if (k >= t.Length) return (null, i);
        var far = k;
        if (IsDigit(t[k]))
        {
            while (far < t.Length && (IsDigit(t[far]) || (t[far] is '.' or ',' && far + 1 < t.Length && IsDigit(t[far + 1]))) && far - k < 16) far++;
        }
        else if (char.IsLetter(t[k]) && Units.NumberWord(t.AsSpan(k, LetterRunEnd(t, k) - k)) >= 0)
        {
            far = LetterRunEnd(t, k);
        }
        else return (null, i);
        var unit = far < t.Length && IsAsciiLetter(t[far]) ? ReadUnit(t, far, attachedAllowed: true, out var end) : ReadUnit(t, far, attachedAllowed: false, out end);
        return unit is null ? (null, i) : (unit, end);
    }

    /// <summary>" 450" after "2" in "2 450 tokens": three digits after one space, then no more digits or letters.</summary>
    private static bool IsSpacedThousands(string t, int i) =>
        i + 3 < t.Length && t[i] is ' ' or '\u00a0' or '\u202f' && IsDigit(t[i + 1]) && IsDigit(t[i + 2]) && IsDigit(t[i + 3])
        && (i + 4 == t.Length || !(IsAlnum(t[i + 4]) || t[i + 4] is '-' or '.' or ',' && i + 5 < t.Length && IsDigit(t[i + 5])));

    /// <summary>",7" in "92,7 %": one or two digits after the comma and no more, not a list "1,2,3".</summary>
    private static bool IsDecimalComma(string t, int i)
    {
        if (i + 1 >= t.Length || t[i] != ',' || !IsDigit(t[i + 1])) return false;
        var k = i + 1;
        while (k < t.Length && IsDigit(t[k])) k++;
        return k - i - 1 <= 2 && (k == t.Length || !(IsAlnum(t[k]) || t[k] == ',' || t[k] == '.' && k + 1 < t.Length && IsDigit(t[k + 1])));
    }

    private static bool IsThousands(string t, int comma) =>
        comma > 0 && IsDigit(t[comma - 1]) && comma + 3 < t.Length + 1 && comma + 3 <= t.Length
        && IsDigit(t[comma + 1]) && comma + 2 < t.Length && IsDigit(t[comma + 2]) && comma + 3 < t.Length && IsDigit(t[comma + 3])
        && (comma + 4 >= t.Length || !IsDigit(t[comma + 4]));

    private static long ParseExponent(ReadOnlySpan<char> digits, bool negative)
    {
        // Exponents beyond ±10⁶ are "infinite" anyway; cap before parsing so long digit runs cannot overflow.
        long e = 0;
        foreach (var d in digits)
        {
            e = e * 10 + (d - '0');
            if (e > 1_000_000) { e = 1_000_000; break; }
        }
        return negative ? -e : e;
    }

    private static double Parse(ReadOnlySpan<char> mantissa, long exponent, bool decimalComma, out bool finite)
    {
        Span<char> buffer = stackalloc char[MaxDigits * 2 + 2];
        var n = 0;
        foreach (var c in mantissa)
        {
            if (n >= buffer.Length) break;
            if (c == ',' && decimalComma) buffer[n++] = '.';
            else if (c is not (',' or ' ' or '\u00a0' or '\u202f')) buffer[n++] = c;
        }
        var m = double.Parse(buffer[..n], NumberStyles.Float, CultureInfo.InvariantCulture);
        var value = exponent == 0 ? m : m * Math.Pow(10, Math.Clamp(exponent, -400, 400));
        finite = double.IsFinite(value) && Math.Abs(exponent) < 400;
        return finite ? value : double.NaN;
    }

    private static readonly string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>"^9", "^{9}", "^{-3}", "⁹", "⁻³" at <paramref name="i"/>.</summary>
    private static bool TryPower(string t, int i, out long power, out int end)
    {
        power = 0;
        end = i;
        if (i >= t.Length) return false;
        if (t[i] == '^')
        {
            var k = i + 1;
            var braced = k < t.Length && t[k] == '{';
            if (braced) k++;
            var negative = k < t.Length && t[k] is '-' or '−';
            if (negative) k++;
            var digitsStart = k;
            while (k < t.Length && IsDigit(t[k]) && k - digitsStart < 8) k++;
            if (k == digitsStart) return false;
            power = ParseExponent(t.AsSpan(digitsStart, k - digitsStart), negative);
            if (braced)
            {
                if (k >= t.Length || t[k] != '}') return false;
                k++;
            }
            end = k;
            return true;
        }
        var j = i;
        var neg = t[j] == '⁻';
        if (neg) j++;
        var first = j;
        long p = 0;
        while (j < t.Length && Superscripts.IndexOf(t[j]) is var d and >= 0 && j - first < 8)
        {
            p = p * 10 + d;
            j++;
        }
        if (j == first) return false;
        power = neg ? -p : p;
        end = j;
        return true;
    }

    /// <summary>" × 10^9", "x10⁹", " \times 10^{9}", " * 10^9" at <paramref name="i"/>.</summary>
    private static bool TryTimesTenPower(string t, int i, out long power, out int end)
    {
        power = 0;
        end = i;
        var k = SkipSpaces(t, i, 2);
        if (k >= t.Length) return false;
        if (t[k] is '×' or 'x' or 'X' or '*' or '·') k++;
        else if (string.CompareOrdinal(t, k, "\\times", 0, 6) == 0) k += 6;
        else if (string.CompareOrdinal(t, k, "\\cdot", 0, 5) == 0) k += 5;
        else return false;
        k = SkipSpaces(t, k, 2);
        if (k + 2 > t.Length || t[k] != '1' || t[k + 1] != '0') return false;
        if (!TryPower(t, k + 2, out power, out end)) return false;
        return true;
    }

    private static int SkipSpaces(string t, int i, int max)
    {
        var k = i;
        while (k < t.Length && k - i < max && t[k] is ' ' or '\u00a0' or '\u2009' or '\u202f') k++;
        return k;
    }

    private static bool NextNonSpaceIsDigit(string t, int i)
    {
        var k = SkipSpaces(t, i, 2);
        return k < t.Length && IsDigit(t[k]);
    }

    /// <summary>A unit at <paramref name="i"/>: "%", "s", " seconds", "-hour", " per cent", "FLOP/s".</summary>
    private static Units.Unit? ReadUnit(string t, int i, bool attachedAllowed, out int end)
    {
        end = i;
        if (i >= t.Length) return null;
        var k = i;
        var attached = true;
        if (t[k] == '%') { end = k + 1; return new Units.Unit(Dimension.Percent, 1); }
        if (t[k] == '×') { end = k + 1; return new Units.Unit(Dimension.Ratio, 1); }
        if (!attachedAllowed)
        {
            if (t[k] is ' ' or '\u00a0' or '\u2009' or '\u202f' or '-')
            {
                k++;
                attached = false;
            }
            else if (!IsAsciiLetter(t[k]))
            {
                return null;
            }
            if (k < t.Length && t[k] == '%' && !attachedAllowed && t[i] != '-') { end = k + 1; return new Units.Unit(Dimension.Percent, 1); }
            if (k < t.Length && t[k] == '×') { end = k + 1; return new Units.Unit(Dimension.Ratio, 1); }
        }
        var wordEnd = k;
        while (wordEnd < t.Length && IsAsciiLetter(t[wordEnd]) && wordEnd - k < 20) wordEnd++;
        if (wordEnd == k || (wordEnd < t.Length && (IsDigit(t[wordEnd]) || char.IsLetter(t[wordEnd])))) return null;
        var word = t.AsSpan(k, wordEnd - k);
        // "per cent"
        if (word.Equals("per", StringComparison.OrdinalIgnoreCase) && wordEnd + 5 <= t.Length && t.AsSpan(wordEnd, 5).Equals(" cent", StringComparison.OrdinalIgnoreCase)
            && (wordEnd + 5 == t.Length || !char.IsLetter(t[wordEnd + 5])))
        {
            end = wordEnd + 5;
            return new Units.Unit(Dimension.Percent, 1);
        }
        var unit = Units.Lookup(word, attached);
        // "6.5 M parameters": a magnitude letter set apart, before a word.
        if (unit is null && !attached && word is "M" or "K" or "B" or "bn" && (wordEnd == t.Length || !char.IsLetterOrDigit(t[wordEnd])))
            unit = Units.Lookup(word, attached: true);
        if (unit is null) return null;
        end = wordEnd;
        // "FLOP/s"
        if (unit.Value.Dimension == Dimension.Flop && end + 2 <= t.Length && t[end] == '/' && t[end + 1] is 's' or 'S') end += 2;
        // "percentage points", "percent point": a difference of percentages, which a careful reader keeps apart from a percentage.
        if (unit.Value.Dimension == Dimension.Percent && !attached && end + 1 < t.Length && t[end] == ' ')
        {
            var pointEnd = LetterRunEnd(t, end + 1);
            var next = t.AsSpan(end + 1, pointEnd - end - 1);
            if (next.Equals("point", StringComparison.OrdinalIgnoreCase) || next.Equals("points", StringComparison.OrdinalIgnoreCase))
            {
                end = pointEnd;
                return new Units.Unit(Dimension.Points, 1);
            }
        }
        return unit;
    }

    /// <summary>Where the claim starts, moving back over a qualifier ("~", "about", "more than"); sets <paramref name="approximate"/>.</summary>
    private static int QualifierStart(string t, int start, out bool approximate)
    {
        approximate = false;
        var k = start;
        while (k > 0 && start - k < 3 && t[k - 1] is ' ' or '\u00a0') k--;
        if (k > 0 && t[k - 1] is '~' or '≈' or '∼' or '≃')
        {
            approximate = true;
            return k - 1;
        }
        if (k > 0 && t[k - 1] == '.') k--; // "approx."
        var wordEnd = k;
        while (k > 0 && wordEnd - k < 14 && char.IsLetter(t[k - 1])) k--;
        if (k == wordEnd || (k > 0 && IsAlnum(t[k - 1]))) return start;
        var word = t.AsSpan(k, wordEnd - k);
        if (Units.IsQualifier(word))
        {
            approximate = true;
            return k;
        }
        if (Units.IsBoundTail(word) && k > 1 && t[k - 1] == ' ')
        {
            var leadEnd = k - 1;
            var leadStart = leadEnd;
            while (leadStart > 0 && leadEnd - leadStart < 6 && char.IsLetter(t[leadStart - 1])) leadStart--;
            if (Units.IsBoundLead(t.AsSpan(leadStart, leadEnd - leadStart)) && (leadStart == 0 || !IsAlnum(t[leadStart - 1])))
            {
                approximate = true;
                return leadStart;
            }
        }
        return start;
    }

    private static readonly string[] SearchVerbs = ["read", "searched", "browsed", "visited"];

    private static readonly string[] SearchObjects = ["web pages", "web page", "webpages", "websites", "sites", "pages", "sources", "results"];

    /// <summary>
    /// "Read 10 web pages", "Searched 5 sites", a closing "10 web pages": the status a search-enabled assistant's
    /// export leaves above or below its reply (often in the same paragraph, a line break apart). It says what the
    /// tool did, not what the source says.
    /// </summary>
    private static bool IsSearchStatus(string t, int start, int end)
    {
        var k = end;
        if (k < t.Length && t[k] == ' ') k++;
        var objectEnd = -1;
        foreach (var o in SearchObjects)
            if (k + o.Length <= t.Length && t.AsSpan(k, o.Length).Equals(o, StringComparison.OrdinalIgnoreCase)
                && (k + o.Length == t.Length || !char.IsLetterOrDigit(t[k + o.Length])))
            {
                objectEnd = k + o.Length;
                break;
            }
        if (objectEnd < 0) return false;
        // After a search verb: "Read 10 web pages", wherever it stands.
        var wordEnd = start;
        while (wordEnd > 0 && t[wordEnd - 1] == ' ') wordEnd--;
        var wordStart = wordEnd;
        while (wordStart > 0 && wordEnd - wordStart < 10 && char.IsLetter(t[wordStart - 1])) wordStart--;
        foreach (var v in SearchVerbs)
            if (wordEnd > wordStart && t.AsSpan(wordStart, wordEnd - wordStart).Equals(v, StringComparison.OrdinalIgnoreCase)) return true;
        // Alone: "10 web pages" closing the text, after a sentence or a line.
        var before = wordEnd == 0 ? '\n' : t[wordEnd - 1];
        var rest = t.AsSpan(objectEnd).TrimStart(' ');
        return wordEnd == wordStart && before is '\n' or '.' or '!' or '?' && (rest.Length == 0 || rest[0] == '\n');
    }

    /// <summary>Labels, enumerators, sub/superscripts and years: numbers in an answer that state no fact.</summary>
    private static bool IsNotAClaim(string t, int start, int end, Mode mode, int decimals, ReadOnlySpan<char> mantissa, List<IdentifierToken>? identifiers)
    {
        if (mode == Mode.Heading) return true;
        var before = start > 0 ? t[start - 1] : '\n';
        var after = end < t.Length ? t[end] : '\n';
        if (before is '_' or '^' or '#' or '\\') return true;
        // "2(b)", "3(a)(ii)": a part label.
        if (after == '(' && end + 2 < t.Length && char.IsLetter(t[end + 1]) && (t[end + 2] == ')' || (end + 3 < t.Length && char.IsLetter(t[end + 2]) && t[end + 3] == ')'))) return true;
        // "k = 2", "with n = 64": a constant of a formula written in prose.
        if (IsFormulaConstant(t, start)) return true;
        if (before == '{' && start > 1 && t[start - 2] is '_' or '^') return true;
        if ((before == '(' && after == ')') || (before == '[' && after == ']')) return true;

        // "1." or "2)" opening a line: an enumerator.
        var lineStart = start;
        while (lineStart > 0 && t[lineStart - 1] is ' ' or '\t') lineStart--;
        if ((lineStart == 0 || t[lineStart - 1] == '\n') && after is '.' or ')' && (end + 1 >= t.Length || t[end + 1] is ' ' or '\n')) return true;

        // "… 2) second": an inline enumerator.
        if (after == ')' && before is ' ' or '\n' or '\t' && (end + 1 >= t.Length || t[end + 1] is ' ' or '\n')) return true;

        // "Step 3", "Problem 4", "Eq. 2"
        var k = start;
        while (k > 0 && start - k < 3 && t[k - 1] is ' ' or '\u00a0' or '.') k--;
        var wordEnd = k;
        while (k > 0 && wordEnd - k < 14 && char.IsLetter(t[k - 1])) k--;
        if (wordEnd > k && Units.IsLabelWord(t.AsSpan(k, wordEnd - k))) return true;

        if (IsSearchStatus(t, start, end)) return true;

        // A year is a date, not a measurement: reported with identifiers instead.
        if (decimals == 0 && mantissa.Length == 4 && int.TryParse(mantissa, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
        {
            identifiers?.Add(new IdentifierToken(start, end, t[start..end]));
            return true;
        }
        return false;
    }

    /// <summary>"k = 2": a single-letter variable set equal to the number.</summary>
    private static bool IsFormulaConstant(string t, int start)
    {
        var k = start;
        while (k > 0 && start - k < 2 && t[k - 1] == ' ') k--;
        if (k == 0 || t[k - 1] != '=') return false;
        k--;
        while (k > 0 && k > start - 6 && t[k - 1] == ' ') k--;
        return k > 0 && char.IsLetter(t[k - 1]) && (k == 1 || !char.IsLetterOrDigit(t[k - 2]));
    }

    private static int SkipToken(string t, int i)
    {
        var j = i;
        while (j < t.Length && (IsAlnum(t[j]) || (t[j] is '.' or ',' && j + 1 < t.Length && IsAlnum(t[j + 1])))) j++;
        return Math.Max(j, i + 1);
    }
}
