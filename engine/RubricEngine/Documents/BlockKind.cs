using RubricEngine.Text;

namespace RubricEngine.Documents;

/// <summary>The kind of a Markdown block of a message.</summary>
public enum BlockKind
{
    Heading,
    Paragraph,
    ListItem,
    Table,
    Code,
    DisplayMath,
    Quote,
    ThematicBreak,
    Html,
}
