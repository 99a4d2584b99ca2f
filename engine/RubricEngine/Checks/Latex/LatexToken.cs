using System.Globalization;
using System.Text;

namespace RubricEngine.Checks.Latex;

internal readonly record struct LatexToken(TokenKind Kind, string Text);
