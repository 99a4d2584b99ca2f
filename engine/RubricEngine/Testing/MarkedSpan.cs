using System.Text;
using RubricEngine.Text;

namespace RubricEngine.Testing;

/// <summary>A place a fixture says a finding of <see cref="RuleId"/> must be, in the stripped text.</summary>
internal sealed record MarkedSpan(string RuleId, TextSpan Span);
