using System.Globalization;
using System.Text.Json;
using RubricEngine.Traces;

namespace RubricEngine.Testing;

/// <summary>A mark in a fixture: a finding of <see cref="RuleId"/> expected at <see cref="Span"/> of message <see cref="MessageIndex"/>.</summary>
internal sealed record FixtureMark(string RuleId, int MessageIndex, RubricEngine.Text.TextSpan Span);
