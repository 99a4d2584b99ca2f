namespace RubricEngine.Segmentation;

/// <summary>A title found in a text: which question it names, the title as written, and how well it matched.</summary>
internal readonly record struct TitleMatch(QuestionPath Question, string Title, int Matched, double Fraction);
