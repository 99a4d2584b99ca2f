using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>Identifiers that need no source, compared without case and hyphens ("gpt4" allows "GPT-4").</summary>
internal sealed class IdentifierAllowList(IEnumerable<string> allowed)
{
    private readonly HashSet<string> _allowed = allowed.SelectMany(GroundingIndex.IdentifierVariants)
        .Concat(allowed.Select(a => a.Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal)))
        .ToHashSet(StringComparer.Ordinal);

    public bool Allows(string identifier) => GroundingIndex.IdentifierVariants(identifier).Any(_allowed.Contains)
        || _allowed.Contains(identifier.Trim().ToLowerInvariant().Replace("-", "", StringComparison.Ordinal));
}
