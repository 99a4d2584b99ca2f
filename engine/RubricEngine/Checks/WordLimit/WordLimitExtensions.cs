using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>The <c>.WordLimit(...)</c> check for rubric scripts (RE0001).</summary>
public static class WordLimitExtensions
{
    /// <summary>
    /// RE0001 — full points when the answer has at most <paramref name="max"/> words (and at least
    /// <paramref name="min"/>), counted as a person would: markup, list markers, table pipes and the closing summary
    /// table are not words; an inline formula or code span is one word; display math and code blocks are left out
    /// unless included. No points outside the limit; the comment says by how much
    /// ("Answer is 183 words; the limit is 100 (83 over).").
    /// </summary>
    /// <param name="criterion">The criterion to judge.</param>
    /// <param name="max">Most words allowed.</param>
    /// <param name="min">Fewest words required (0: no minimum).</param>
    /// <param name="tolerance">Words of slack for "about N words": <c>WordLimit(100, tolerance: 10)</c> accepts up to 110. Default 0: strict.</param>
    /// <param name="includeMath">Count each display-math block as one word.</param>
    /// <param name="includeCode">Count the words of code blocks.</param>
    /// <param name="includeHeadings">Count the words of headings inside the answer.</param>
    /// <example><code>.Criterion("HW7-04", "About 100 words").WordLimit(100, tolerance: 10)</code></example>
    public static QuestionBuilder WordLimit(this CriterionBuilder criterion, int max, int min = 0, int tolerance = 0,
        bool includeMath = false, bool includeCode = false, bool includeHeadings = false) =>
        criterion.Check(new WordLimitCheck(new WordLimitOptions(max, min, tolerance)
        {
            Counting = new WordCountOptions { IncludeMath = includeMath, IncludeCode = includeCode, IncludeHeadings = includeHeadings },
        }));

    /// <summary>
    /// RE0001 — full points when the answer has at least <paramref name="min"/> words (no upper limit).
    /// </summary>
    /// <param name="criterion">The criterion to judge.</param>
    /// <param name="min">Fewest words required.</param>
    /// <param name="tolerance">Words of slack below <paramref name="min"/>.</param>
    public static QuestionBuilder MinWords(this CriterionBuilder criterion, int min, int tolerance = 0) =>
        criterion.Check(new WordLimitCheck(new WordLimitOptions(null, min, tolerance)));
}
