using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RubricEngine.Scripting;

/// <summary>
/// Weaves <c>RuleGuard.Tick()</c> into a rubric script so that no rule can loop or recurse forever: at the start
/// of every loop body, every method / local function / accessor / constructor / lambda / anonymous method body,
/// and before every <c>goto</c>. Expression bodies become blocks (<c>x =&gt; e</c> → <c>x =&gt; {Tick();return e;}</c>;
/// the semantic model says whether the body returns a value). Lambdas converted to expression trees are left
/// alone (they cannot hold blocks and never run rubric loops themselves).
/// </summary>
/// <remarks>
/// The rewrite is a list of text edits that never add or remove a line break, so every line of the woven text is
/// the user's line: stack traces through the embedded PDB point at the rubric as written. Columns after an
/// insertion shift, which is why compile errors are taken from the unwoven compilation.
/// </remarks>
internal sealed class GuardInjector : CSharpSyntaxWalker
{
    internal const string Tick = "global::RubricEngine.Scripting.RuleGuard.Tick();";
    private readonly SemanticModel _model;
    private readonly List<Edit> _edits = [];

    private GuardInjector(SemanticModel model) => _model = model;

    /// <summary>The text of <paramref name="tree"/> with guards woven in.</summary>
    public static string Weave(SyntaxTree tree, SemanticModel model) => Weave(tree, model, null);

    /// <summary>Weaves, recording in <paramref name="columns"/> where text went in (to map columns back).</summary>
    public static string Weave(SyntaxTree tree, SemanticModel model, ColumnMap? columns)
    {
        var injector = new GuardInjector(model);
        injector.Visit(tree.GetRoot());
        var text = tree.GetText();
        if (columns is not null)
            foreach (var edit in injector.Ordered())
            {
                var position = text.Lines.GetLinePosition(edit.Start);
                columns.Add(tree.FilePath, position.Line + 1, position.Character + 1, edit.Text.Length, edit.Length);
            }
        return injector.Apply(text.ToString());
    }

    private List<Edit> Ordered() => _edits.OrderBy(e => e.Start).ThenBy(e => e.Group).ThenBy(e => e.Rank).ToList();

    // ---- loops and goto

    public override void VisitWhileStatement(WhileStatementSyntax node) { GuardBody(node.Statement); base.VisitWhileStatement(node); }

    public override void VisitDoStatement(DoStatementSyntax node) { GuardBody(node.Statement); base.VisitDoStatement(node); }

    public override void VisitForStatement(ForStatementSyntax node) { GuardBody(node.Statement); base.VisitForStatement(node); }

    public override void VisitForEachStatement(ForEachStatementSyntax node) { GuardBody(node.Statement); base.VisitForEachStatement(node); }

    public override void VisitForEachVariableStatement(ForEachVariableStatementSyntax node) { GuardBody(node.Statement); base.VisitForEachVariableStatement(node); }

    public override void VisitGotoStatement(GotoStatementSyntax node) => WrapStatement(node);

    // ---- members with bodies

    public override void VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        GuardFunction(node.Body, node.ExpressionBody, node.SemicolonToken, () => ReturnsValue(_model.GetDeclaredSymbol(node)));
        base.VisitMethodDeclaration(node);
    }

    public override void VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        GuardFunction(node.Body, node.ExpressionBody, node.SemicolonToken, () => ReturnsValue(_model.GetDeclaredSymbol(node) as IMethodSymbol));
        base.VisitLocalFunctionStatement(node);
    }

    public override void VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        GuardFunction(node.Body, node.ExpressionBody, node.SemicolonToken, () => false);
        base.VisitConstructorDeclaration(node);
    }

    public override void VisitDestructorDeclaration(DestructorDeclarationSyntax node)
    {
        GuardFunction(node.Body, node.ExpressionBody, node.SemicolonToken, () => false);
        base.VisitDestructorDeclaration(node);
    }

    public override void VisitOperatorDeclaration(OperatorDeclarationSyntax node)
    {
        GuardFunction(node.Body, node.ExpressionBody, node.SemicolonToken, () => true);
        base.VisitOperatorDeclaration(node);
    }

    public override void VisitConversionOperatorDeclaration(ConversionOperatorDeclarationSyntax node)
    {
        GuardFunction(node.Body, node.ExpressionBody, node.SemicolonToken, () => true);
        base.VisitConversionOperatorDeclaration(node);
    }

    public override void VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var getter = node.IsKind(SyntaxKind.GetAccessorDeclaration);
        GuardFunction(node.Body, node.ExpressionBody, node.SemicolonToken, () => getter);
        base.VisitAccessorDeclaration(node);
    }

    public override void VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        if (node.ExpressionBody is { } arrow) GuardGetterOnly(arrow, node.SemicolonToken);
        base.VisitPropertyDeclaration(node);
    }

    public override void VisitIndexerDeclaration(IndexerDeclarationSyntax node)
    {
        if (node.ExpressionBody is { } arrow) GuardGetterOnly(arrow, node.SemicolonToken);
        base.VisitIndexerDeclaration(node);
    }

    // ---- lambdas

    public override void VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        if (GuardLambda(node)) base.VisitSimpleLambdaExpression(node);
    }

    public override void VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        if (GuardLambda(node)) base.VisitParenthesizedLambdaExpression(node);
    }

    public override void VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        if (GuardLambda(node)) base.VisitAnonymousMethodExpression(node);
    }

    /// <summary>Guards a lambda; false when it is an expression tree, whose inside must stay untouched.</summary>
    private bool GuardLambda(AnonymousFunctionExpressionSyntax node)
    {
        if (IsExpressionTree(_model.GetTypeInfo(node).ConvertedType)) return false;
        if (node.Block is { } block)
        {
            InsertAfter(block.OpenBraceToken);
        }
        else if (node.ExpressionBody is { } body)
        {
            var symbol = _model.GetSymbolInfo(node).Symbol as IMethodSymbol;
            if (symbol is null) return true; // unbound (cannot happen after a clean compile): leave it as written
            var value = body is ThrowExpressionSyntax ? false : ReturnsValue(symbol);
            Add(body.SpanStart, 0, "{" + Tick + (value ? "return " : ""), Opener(body));
            Add(body.Span.End, 0, ";}", Closer(body));
        }
        return true;
    }

    private static bool IsExpressionTree(ITypeSymbol? type) =>
        type is INamedTypeSymbol { Name: "Expression", IsGenericType: true } named
        && named.ContainingNamespace.ToDisplayString() == "System.Linq.Expressions";

    private static bool ReturnsValue(IMethodSymbol? method) =>
        method is not null && !method.ReturnsVoid && !(method.IsAsync && method.ReturnType is INamedTypeSymbol { IsGenericType: false });

    private void GuardFunction(BlockSyntax? body, ArrowExpressionClauseSyntax? arrow, SyntaxToken semicolon, Func<bool> returnsValue)
    {
        if (body is not null)
        {
            InsertAfter(body.OpenBraceToken);
            return;
        }
        if (arrow is null || semicolon.IsMissing || semicolon.Span.Length == 0) return;
        var value = arrow.Expression is not ThrowExpressionSyntax && returnsValue();
        Add(arrow.ArrowToken.SpanStart, arrow.ArrowToken.Span.Length, "{" + Tick + (value ? "return " : ""), Opener(arrow));
        Add(semicolon.SpanStart, semicolon.Span.Length, ";}", Closer(arrow));
    }

    private void GuardGetterOnly(ArrowExpressionClauseSyntax arrow, SyntaxToken semicolon)
    {
        if (semicolon.IsMissing || semicolon.Span.Length == 0) return;
        var value = arrow.Expression is not ThrowExpressionSyntax;
        Add(arrow.ArrowToken.SpanStart, arrow.ArrowToken.Span.Length, "{get{" + Tick + (value ? "return " : ""), Opener(arrow));
        Add(semicolon.SpanStart, semicolon.Span.Length, ";}}", Closer(arrow));
    }

    private void GuardBody(StatementSyntax body)
    {
        if (body is BlockSyntax block) InsertAfter(block.OpenBraceToken);
        else WrapStatement(body);
    }

    /// <summary><c>stmt</c> → <c>{Tick();stmt}</c>, in place.</summary>
    private void WrapStatement(StatementSyntax statement)
    {
        Add(statement.SpanStart, 0, "{" + Tick, Opener(statement));
        Add(statement.Span.End, 0, "}", Closer(statement));
    }

    private void InsertAfter(SyntaxToken openBrace) => Add(openBrace.Span.End, 0, Tick, (2, 0));

    // Edits at one position: closers first (innermost first), then plain insertions, then openers (outermost first).
    private static (int, int) Closer(SyntaxNode node) => (0, -node.SpanStart);

    private static (int, int) Opener(SyntaxNode node) => (3, -node.Span.End);

    private void Add(int start, int length, string text, (int Group, int Rank) order) =>
        _edits.Add(new Edit(start, length, text, order.Group, order.Rank));

    private string Apply(string text)
    {
        var ordered = Ordered();
        var builder = new StringBuilder(text.Length + ordered.Sum(e => e.Text.Length));
        var position = 0;
        foreach (var edit in ordered)
        {
            if (edit.Start < position) throw new InvalidOperationException($"Overlapping guard edits at {edit.Start}.");
            builder.Append(text, position, edit.Start - position).Append(edit.Text);
            position = edit.Start + edit.Length;
        }
        return builder.Append(text, position, text.Length - position).ToString();
    }

    private sealed record Edit(int Start, int Length, string Text, int Group, int Rank);
}
