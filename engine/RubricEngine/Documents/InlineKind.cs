using RubricEngine.Text;

namespace RubricEngine.Documents;

/// <summary>The kind of an inline run inside a block.</summary>
public enum InlineKind
{
    /// <summary>Prose: Markdown markup (emphasis stars, link brackets, list markers) already removed.</summary>
    Text,

    /// <summary>Inline math (<c>$…$</c> or <c>\(…\)</c>); <see cref="Inline.Text"/> is the TeX without delimiters.</summary>
    Math,

    /// <summary>Inline code; <see cref="Inline.Text"/> is the code without backticks.</summary>
    Code,
}
