using System.Buffers;
using System.Text;
using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Checks;

/// <summary>
/// A word of an answer, lower-cased, with its span in the message. Special tokens keep their brackets: "&lt;sos&gt;".
/// <see cref="Aside"/>: inside parentheses ("(Start of Sequence)"), a gloss rather than part of a listed sequence.
/// </summary>
internal readonly record struct AnswerToken(string Text, TextSpan Span, bool Aside = false);
