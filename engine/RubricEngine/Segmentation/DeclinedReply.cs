using RubricEngine.Documents;
using RubricEngine.Text;

namespace RubricEngine.Segmentation;

/// <summary>A reply that declined to answer <see cref="Question"/> (asked by its prompt), in message <see cref="MessageIndex"/>.</summary>
public sealed record DeclinedReply(QuestionPath Question, int MessageIndex);
