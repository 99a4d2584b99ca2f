using RubricEngine.Rubrics;

namespace RubricEngine.Checks;

/// <summary>A check of the built-in catalog: it carries its rule's entry (id, name, title, doc page).</summary>
public interface IBuiltInCheck : ICheck
{
    /// <summary>The catalog entry of the rule this check implements.</summary>
    BuiltInRule Rule { get; }
}
