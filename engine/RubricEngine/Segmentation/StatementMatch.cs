namespace RubricEngine.Segmentation;

/// <summary>A statement that a pasted text resembles, with the cosine similarity of the two.</summary>
internal readonly record struct StatementMatch(QuestionPath Question, double Similarity);
