using System.Globalization;
using Humanizer;
using RubricEngine.Rubrics;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>Options of <see cref="WordLimitCheck"/>.</summary>
/// <param name="Max">Most words allowed; null for no upper limit.</param>
/// <param name="Min">Fewest words required; 0 for none.</param>
/// <param name="Tolerance">Words of slack on either side ("about 100 words": 10); 0 is strict.</param>
public sealed record WordLimitOptions(int? Max, int Min = 0, int Tolerance = 0)
{
    /// <summary>What counts as words.</summary>
    public WordCountOptions Counting { get; init; } = new();
}
