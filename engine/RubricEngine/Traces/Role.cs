namespace RubricEngine.Traces;

/// <summary>Who wrote a message.</summary>
public enum Role
{
    User,
    Assistant,
    System,
    Tool,
}
