namespace RubricEngine.Segmentation;

/// <summary>How a resolved path maps onto the rubric's questions.</summary>
internal enum AttributionKind
{
    /// <summary>The rubric grades nothing there (problem 2 when only 3–5 are graded): the text is ignored.</summary>
    None,

    /// <summary>A graded question: the path itself or its closest declared ancestor (3.b.ii → 3.b).</summary>
    Question,

    /// <summary>A problem or part holding several graded questions ("4" with 4.a and 4.b): its text waits for a sub-marker.</summary>
    Container,
}
