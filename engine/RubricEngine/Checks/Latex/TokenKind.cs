using System.Globalization;
using System.Text;

namespace RubricEngine.Checks.Latex;

internal enum TokenKind
{
    /// <summary>One letter (or a one-word <c>\text{…}</c>): a variable name.</summary>
    Letter,
    Number,
    /// <summary><c>\name</c> or <c>\</c> followed by one non-letter.</summary>
    Command,
    /// <summary>One punctuation character: <c>( ) [ ] { } ^ _ + - = , ' | &amp;</c> …</summary>
    Symbol,
    /// <summary>A function name (<c>tr</c>, <c>log</c>) however it was spelled.</summary>
    Function,
    /// <summary>Prose inside math (<c>\text{ for all } </c>): separates statements.</summary>
    Text,
    /// <summary>An equation label: <c>\tag{1}</c>, <c>\label{…}</c> is dropped.</summary>
    Tag,
}
