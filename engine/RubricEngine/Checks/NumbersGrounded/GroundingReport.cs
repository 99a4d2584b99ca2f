using System.Runtime.CompilerServices;
using RubricEngine.Documents;
using RubricEngine.Rubrics;
using RubricEngine.Text;
using RubricEngine.Traces;

namespace RubricEngine.Checks;

/// <summary>What <see cref="GroundingAnalyzer"/> found in one answer.</summary>
public sealed record GroundingReport(IReadOnlyList<NumericClaim> Numbers, IReadOnlyList<IdentifierClaim> Identifiers)
{
    /// <summary>
    /// The reply says it cannot see the material ("I can't browse the web, but typically 2-3x…"): only figures exactly
    /// as the sources give them were counted as grounded, never roundings of them.
    /// </summary>
    public bool DeclinesSources { get; init; }
}
