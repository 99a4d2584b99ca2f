using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>What counts as words in an answer, for <see cref="WordLimitCheck"/>.</summary>
public sealed record WordCountOptions
{
    /// <summary>Count each display-math block as one word (default: left out).</summary>
    public bool IncludeMath { get; init; }

    /// <summary>Count the words of code blocks (default: left out).</summary>
    public bool IncludeCode { get; init; }

    /// <summary>Count the words of headings inside the answer (default: left out; a heading names the part, it is not prose).</summary>
    public bool IncludeHeadings { get; init; }
}
