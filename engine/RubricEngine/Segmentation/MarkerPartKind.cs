using RubricEngine.Text;

namespace RubricEngine.Segmentation;

/// <summary>What a part of a question marker is: its level follows from it when the marker names no problem.</summary>
public enum MarkerPartKind
{
    /// <summary>A part letter: <c>(b)</c>.</summary>
    Letter,

    /// <summary>A sub-part roman numeral: <c>(ii)</c>.</summary>
    Roman,

    /// <summary><c>(i)</c>, <c>(v)</c>, <c>(x)</c> on their own: a letter or a numeral, decided by context.</summary>
    LetterOrRoman,

    /// <summary>A numbered part: the 2 of <c>Problem 3.2</c>.</summary>
    Number,
}
