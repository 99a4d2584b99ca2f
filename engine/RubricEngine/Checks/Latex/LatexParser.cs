namespace RubricEngine.Checks.Latex;

/// <summary>
/// Recursive-descent parser from tokens to <see cref="MathStatement"/>s. Every recursion passes through
/// <see cref="ParsePrimary"/>, which caps nesting at <see cref="MaxDepth"/>: deeper input is skipped (without
/// recursion) and kept as an opaque "too deeply nested" node, and <see cref="Truncated"/> says so. Every loop
/// consumes a token, so the time is linear in the input.
/// </summary>
internal sealed class LatexParser
{
    public const int MaxDepth = 64;
    public const string TooDeep = "\\text{[too-deeply-nested]}";

    private static readonly Dictionary<string, string> RelationCommands = new(StringComparer.Ordinal)
    {
        ["\\Rightarrow"] = "\\Rightarrow", ["\\implies"] = "\\Rightarrow", ["\\Longrightarrow"] = "\\Rightarrow",
        ["\\longrightarrow"] = "\\Rightarrow", ["\\therefore"] = "\\Rightarrow",
        ["\\iff"] = "\\Leftrightarrow", ["\\Leftrightarrow"] = "\\Leftrightarrow", ["\\Longleftrightarrow"] = "\\Leftrightarrow",
        ["\\leq"] = "\\leq", ["\\le"] = "\\leq", ["\\leqslant"] = "\\leq", ["\\geq"] = "\\geq", ["\\ge"] = "\\geq", ["\\geqslant"] = "\\geq",
        ["\\neq"] = "\\neq", ["\\ne"] = "\\neq", ["\\approx"] = "\\approx", ["\\equiv"] = "=", ["\\coloneqq"] = "=",
        ["\\triangleq"] = "=", ["\\stackrel"] = "=", ["\\overset"] = "=",
    };

    private static readonly HashSet<string> Accents = new(StringComparer.Ordinal)
    {
        "\\hat", "\\widehat", "\\tilde", "\\widetilde", "\\bar", "\\overline", "\\vec", "\\dot", "\\ddot", "\\check",
        "\\mathcal", "\\mathbb", "\\mathfrak", "\\mathscr", "\\underline",
    };

    private static readonly HashSet<string> Separators = new(StringComparer.Ordinal)
    {
        "\\\\", "\\quad", "\\qquad", "\\newline", "\\cr",
    };

    // Binary operators and arrows: never a factor on their own.
    private static readonly HashSet<string> OperatorCommands = new(StringComparer.Ordinal)
    {
        "\\cdot", "\\times", "\\ast", "\\circ", "\\odot", "\\otimes", "\\oplus", "\\pm", "\\mp", "\\to", "\\rightarrow",
        "\\leftarrow", "\\mapsto", "\\in", "\\notin", "\\subset", "\\subseteq", "\\forall", "\\exists", "\\mid", "\\setminus",
        "\\rVert", "\\rvert", "\\rangle", "\\}", "\\rbrace", "\\rbrack", "\\rparen", "\\sim", "\\propto", "\\wedge", "\\vee",
    };

    private readonly List<LatexToken> _tokens;
    private int _pos;
    private int _depth;
    private readonly List<string[]> _closers = [];

    private LatexParser(List<LatexToken> tokens) => _tokens = tokens;

    /// <summary>True when some of the input was nested deeper than <see cref="MaxDepth"/> and was not parsed.</summary>
    public bool Truncated { get; private set; }

    public static (List<MathStatement> Statements, bool Truncated) Parse(string latex)
    {
        var parser = new LatexParser(LatexTokenizer.Tokenize(latex));
        var statements = parser.ParseStatements();
        return (statements, parser.Truncated);
    }

    private LatexToken? Peek => _pos < _tokens.Count ? _tokens[_pos] : null;

    private bool IsSymbol(string s) => Peek is { Kind: TokenKind.Symbol } t && t.Text == s;

    private bool IsCommand(string s) => Peek is { Kind: TokenKind.Command } t && t.Text == s;

    private List<MathStatement> ParseStatements()
    {
        var statements = new List<MathStatement>();
        while (_pos < _tokens.Count)
        {
            var before = _pos;
            if (SkipSeparator(out var tag))
            {
                if (tag is not null && statements.Count > 0 && statements[^1].Tag is null)
                    statements[^1] = statements[^1] with { Tag = tag };
                continue;
            }
            if (statements.Count > 0 && TryReadParenthesizedLabel(out var label))
            {
                if (statements[^1].Tag is null) statements[^1] = statements[^1] with { Tag = label };
                continue;
            }
            // An aligned continuation line "&= …" or "= …" extends the previous chain.
            if (statements.Count > 0 && RelationAhead() is not null && statements[^1].Sides.Length > 0)
            {
                var previous = statements[^1];
                var extension = ParseRelation(previous.Sides[^1]);
                statements[^1] = previous with
                {
                    Sides = [.. previous.Sides, .. extension.Sides.Skip(1)],
                    Relations = [.. previous.Relations, .. extension.Relations],
                };
            }
            else
            {
                var statement = ParseRelation(null);
                if (statement.Sides.Length > 0) statements.Add(statement);
            }
            if (_pos == before) _pos++; // never stall on an unexpected token
        }
        return statements;
    }

    private bool SkipSeparator(out string? tag)
    {
        tag = null;
        if (Peek is not { } t) return false;
        switch (t.Kind)
        {
            case TokenKind.Tag:
                tag = t.Text;
                _pos++;
                return true;
            case TokenKind.Text:
                // "\text{(1)}" after a formula is a label too.
                var text = t.Text.Trim();
                if (text.Length > 2 && text[0] == '(' && text[^1] == ')') tag = text[1..^1];
                _pos++;
                return true;
            case TokenKind.Symbol when t.Text is "," or ";" or "&" or "." or ":" or "}" or ")" or "]":
                _pos++;
                return true;
            case TokenKind.Command when Separators.Contains(t.Text):
                _pos++;
                return true;
        }
        return false;
    }

    /// <summary>"(1)" or "(C2)" standing alone after a formula, as in "A = 0 \\quad (1)": a label, not a factor.</summary>
    private bool TryReadParenthesizedLabel(out string label)
    {
        label = "";
        var p = _pos;
        if (p >= _tokens.Count || _tokens[p] is not { Kind: TokenKind.Symbol, Text: "(" }) return false;
        p++;
        var start = p;
        while (p < _tokens.Count && _tokens[p].Kind is TokenKind.Number or TokenKind.Letter && p - start < 4) p++;
        if (p == start || p >= _tokens.Count || _tokens[p] is not { Kind: TokenKind.Symbol, Text: ")" }) return false;
        var next = p + 1 < _tokens.Count ? _tokens[p + 1] : (LatexToken?)null;
        if (next is { } n && !(n.Kind is TokenKind.Text or TokenKind.Tag || n.Kind == TokenKind.Command && Separators.Contains(n.Text)
            || n.Kind == TokenKind.Symbol && n.Text is "," or ";" or "." or "&")) return false;
        label = string.Concat(_tokens.Skip(start).Take(p - start).Select(t => t.Text));
        _pos = p + 1;
        return true;
    }

    private string? RelationAhead()
    {
        var p = _pos;
        while (p < _tokens.Count && _tokens[p] is { Kind: TokenKind.Symbol, Text: "&" }) p++;
        if (p >= _tokens.Count) return null;
        var t = _tokens[p];
        if (t.Kind == TokenKind.Symbol)
        {
            if (t.Text == "=" ) return "=";
            if (t.Text == ":" && p + 1 < _tokens.Count && _tokens[p + 1] is { Kind: TokenKind.Symbol, Text: "=" }) return "=";
            if (t.Text is "<" or ">") return t.Text;
        }
        if (t.Kind == TokenKind.Command && RelationCommands.TryGetValue(t.Text, out var r)) return r;
        return null;
    }

    private void ConsumeRelation()
    {
        while (IsSymbol("&")) _pos++;
        var t = _tokens[_pos++];
        if (t.Kind == TokenKind.Symbol && t.Text == ":" ) _pos++; // ":=" is two tokens
        if (t.Kind == TokenKind.Command && t.Text is "\\stackrel" or "\\overset")
        {
            // \stackrel{\text{def}}{=}: skip the annotation and the relation it decorates.
            SkipBalanced();
            SkipBalanced();
        }
    }

    private MathStatement ParseRelation(MathNode? first)
    {
        var sides = new List<MathNode>();
        var relations = new List<string>();
        if (first is not null) sides.Add(first);
        else
        {
            if (RelationAhead() is null)
            {
                var e = ParseExpression();
                if (e is null) return new MathStatement([], [], null);
                sides.Add(e);
            }
        }
        while (RelationAhead() is { } relation)
        {
            ConsumeRelation();
            relations.Add(relation);
            sides.Add(ParseExpression() ?? new OpaqueNode(""));
        }
        if (sides.Count == relations.Count) sides.Insert(0, new OpaqueNode("")); // "= 0" with nothing before
        return new MathStatement([.. sides], [.. relations], null);
    }

    private MathNode? ParseExpression()
    {
        var terms = new List<MathNode>();
        var negated = new List<bool>();
        var negate = false;
        while (Peek is { } t)
        {
            if (t.Kind == TokenKind.Symbol && t.Text is "+" or "-")
            {
                if (t.Text == "-") negate = !negate;
                _pos++;
                continue;
            }
            if (t.Kind == TokenKind.Command && t.Text is "\\pm" or "\\mp")
            {
                _pos++;
                continue;
            }
            var term = ParseTerm();
            if (term is null) break;
            terms.Add(term);
            negated.Add(negate);
            negate = false;
        }
        if (terms.Count == 0) return null;
        if (terms.Count == 1 && !negated[0]) return terms[0];
        return new SumNode([.. terms], [.. negated]);
    }

    private MathNode? ParseTerm()
    {
        var factors = new List<MathNode>();
        var divisions = 0;
        while (Peek is { } t)
        {
            if (t.Kind == TokenKind.Command && t.Text is "\\cdot" or "\\times" or "\\ast" or "\\circ" or "\\odot"
                || t.Kind == TokenKind.Symbol && t.Text is "*")
            {
                // \odot and \circ are element-wise products: kept apart from the matrix product.
                if (t.Text is "\\odot" or "\\circ") factors.Add(new SymNode("\\text{" + t.Text[1..] + "}"));
                _pos++;
                continue;
            }
            if (t.Kind == TokenKind.Symbol && t.Text == "/" && factors.Count > 0)
            {
                _pos++;
                if (++divisions > MaxDepth)
                {
                    Truncated = true;
                    factors.Clear();
                    factors.Add(new OpaqueNode(TooDeep));
                    continue;
                }
                var denominator = ParsePostfix();
                if (denominator is null) break;
                var numerator = factors.Count == 1 ? factors[0] : new ProductNode([.. factors]);
                factors.Clear();
                factors.Add(new FracNode(numerator, denominator));
                continue;
            }
            if (!StartsFactor(t)) break;
            var f = ParsePostfix();
            if (f is null) break;
            factors.Add(f);
        }
        return factors.Count switch
        {
            0 => null,
            1 => factors[0],
            _ => new ProductNode([.. factors]),
        };
    }

    private bool StartsFactor(LatexToken t) => !(_closers.Count > 0 && _closers[^1].Contains(t.Text)) && t.Kind switch
    {
        TokenKind.Letter or TokenKind.Number or TokenKind.Function => true,
        TokenKind.Symbol => t.Text is "(" or "[" or "{" or "|",
        TokenKind.Command => !Separators.Contains(t.Text) && !RelationCommands.ContainsKey(t.Text)
            && t.Text is not ("\\pm" or "\\mp" or "\\cdot" or "\\times" or "\\rVert" or "\\rvert" or "\\}" or "\\rangle" or "\\to" or "\\rightarrow" or "\\in" or "\\forall" or "\\mid"),
        _ => false,
    };

    private MathNode? ParsePostfix()
    {
        var node = ParsePrimary();
        if (node is null) return null;
        var applied = 0;
        while (Peek is { Kind: TokenKind.Symbol } t)
        {
            if (t.Text is "^" or "_" or "'" or "!" && ++applied > MaxDepth)
            {
                // x^x^x^… or X^\top^\top…: scripts nest the tree without recursion here; cap them like groups.
                Truncated = true;
                _pos++;
                if (t.Text is "^" or "_") SkipBalanced();
                node = new OpaqueNode(TooDeep);
                continue;
            }
            if (t.Text == "^")
            {
                _pos++;
                node = ApplySuperscript(node);
            }
            else if (t.Text == "_")
            {
                _pos++;
                var sub = ParseScript();
                node = node switch
                {
                    SymNode s => new SymNode($"{s.Name}_{{{LatexPrinter.Key(sub)}}}"),
                    TransposeNode { Operand: SymNode s } => new TransposeNode(new SymNode($"{s.Name}_{{{LatexPrinter.Key(sub)}}}")),
                    NormNode n when n.Kind != "abs" => n with { Kind = LatexPrinter.Key(sub) },
                    _ => new OpaqueNode("(" + LatexPrinter.Key(node) + ")_{" + LatexPrinter.Key(sub) + "}"),
                };
            }
            else if (t.Text == "'")
            {
                _pos++;
                node = node is SymNode s ? new SymNode(s.Name + "'") : new ApplyNode("'", node);
            }
            else if (t.Text == "!")
            {
                _pos++;
                node = new ApplyNode("!", node);
            }
            else break;
        }
        return node;
    }

    private MathNode ApplySuperscript(MathNode node)
    {
        // Transpose spellings: ^\top, ^T, ^{T}, ^{\top}, ^\intercal, ^{\mathsf T}, ^{\mathrm{T}}; ^{-\top} is the inverse transpose.
        var exponent = ParseScript();
        if (IsTransposeMark(exponent)) return node is NormNode or NumNode ? node : new TransposeNode(node); // scalars are their own transpose
        if (exponent is SumNode { Terms.Length: 1 } s && s.Negated[0] && IsTransposeMark(s.Terms[0]))
            return new PowerNode(new TransposeNode(node), new NumNode(-1));
        return new PowerNode(node, exponent);
    }

    private static bool IsTransposeMark(MathNode n) => n is SymNode { Name: "T" or "\\top" or "\\intercal" };

    /// <summary>A sub- or superscript: a braced group or a single token.</summary>
    private MathNode ParseScript()
    {
        if (Peek is not { } t) return new OpaqueNode("");
        if (t.Kind == TokenKind.Symbol && t.Text == "{") return ParsePrimary() ?? new OpaqueNode("");
        if (t.Kind == TokenKind.Number && t.Text.Length > 1 && char.IsAsciiDigit(t.Text[0]))
        {
            // x^23 in TeX is x^2 3; keep the first digit.
            _tokens[_pos] = t with { Text = t.Text[1..] };
            return new NumNode(double.Parse(t.Text[..1], System.Globalization.CultureInfo.InvariantCulture));
        }
        if (t.Kind == TokenKind.Symbol && t.Text is "-" or "+")
        {
            _pos++;
            var inner = ParseScript();
            return t.Text == "-" ? new SumNode([inner], [true]) : inner;
        }
        return ParsePrimary() ?? new OpaqueNode("");
    }

    private MathNode? ParsePrimary()
    {
        if (Peek is not { } t) return null;
        if (_depth >= MaxDepth)
        {
            Truncated = true;
            SkipBalanced();
            return new OpaqueNode(TooDeep);
        }
        _depth++;
        try
        {
            return ParsePrimaryCore(t);
        }
        finally
        {
            _depth--;
        }
    }

    private MathNode? ParsePrimaryCore(LatexToken t)
    {
        switch (t.Kind)
        {
            case TokenKind.Letter:
                _pos++;
                return new SymNode(t.Text);
            case TokenKind.Number:
                _pos++;
                return double.TryParse(t.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
                    ? new NumNode(v) : new OpaqueNode(t.Text);
            case TokenKind.Function:
                _pos++;
                return new ApplyNode(t.Text, ParseFunctionArgument());
            case TokenKind.Symbol:
                return t.Text switch
                {
                    "(" => Group("(", ")"),
                    "[" => Group("[", "]"),
                    "{" => Group("{", "}"),
                    "|" => Norm("|", "abs"),
                    _ => null,
                };
            case TokenKind.Command:
                return Command(t.Text);
            default:
                return null;
        }
    }

    private MathNode? Command(string name)
    {
        switch (name)
        {
            case "\\|" or "\\Vert" or "\\lVert" or "\\lVert" or "\\Arrowvert":
                return Norm(name, "");
            case "\\lvert" or "\\vert":
                return Norm(name, "abs");
            case "\\{" or "\\langle" or "\\lbrack" or "\\lbrace" or "\\lparen":
                _pos++;
                return GroupBody(name, name switch { "\\{" => "\\}", "\\langle" => "\\rangle", "\\lbrack" => "\\rbrack", "\\lbrace" => "\\rbrace", _ => "\\rparen" });
            case "\\frac" or "\\dfrac" or "\\tfrac" or "\\cfrac":
                _pos++;
                var num = ParseScript();
                var den = ParseScript();
                return new FracNode(num, den);
            case "\\sqrt":
                _pos++;
                if (IsSymbol("[")) SkipBalanced();
                return new ApplyNode("sqrt", ParseScript());
            case "\\nabla" or "\\partial" or "\\mathrm{d}":
                _pos++;
                // \nabla_{W_1} L: the operator carries its subscript.
                var op = name;
                if (IsSymbol("_"))
                {
                    _pos++;
                    op = $"{name}_{{{LatexPrinter.Key(ParseScript())}}}";
                }
                if (name == "\\partial") return new SymNode(op);
                return new ApplyNode(op, ParsePostfix() ?? new OpaqueNode(""));
        }
        if (Accents.Contains(name))
        {
            _pos++;
            var arg = ParseScript();
            return new SymNode($"{name}{{{LatexPrinter.Key(arg)}}}");
        }
        if (name is "\\top" or "\\intercal" or "\\infty" or "\\ldots" or "\\cdots" or "\\dots" or "\\vdots" or "\\ddots" or "\\emptyset")
        {
            _pos++;
            return new SymNode(name);
        }
        if (RelationCommands.ContainsKey(name) || Separators.Contains(name) || OperatorCommands.Contains(name)) return null;
        if (name.Length > 2 && char.IsAsciiLetter(name[1]))
        {
            // Greek letters and other named symbols: \Lambda, \Sigma, \lambda.
            _pos++;
            var symbol = name switch { "\\varepsilon" => "\\epsilon", "\\varphi" => "\\phi", "\\vartheta" => "\\theta", _ => name };
            return new SymNode(symbol);
        }
        return null;
    }

    private MathNode ParseFunctionArgument()
    {
        if (IsSymbol("^") || IsSymbol("_"))
        {
            // \log^2 x or \max_{W}: drop the script (kept simple: functions are compared by name and argument).
            _pos++;
            ParseScript();
        }
        if (Peek is { } t && (t.Kind == TokenKind.Symbol && t.Text is "(" or "[" or "{" || t.Kind == TokenKind.Command && t.Text is "\\{" or "\\langle"))
            return ParsePrimary() ?? new OpaqueNode("");
        // Without brackets the argument runs to the end of the term: \operatorname{tr} X^\top X.
        return ParseTerm() ?? new OpaqueNode("");
    }

    private MathNode Group(string open, string close)
    {
        _pos++;
        return GroupBody(open, close);
    }

    private MathNode GroupBody(string open, string close)
    {
        // Inside brackets an enclosing norm's closer is not special: \|\sqrt{\|x\|}\| nests.
        _closers.Add([]);
        try
        {
            return GroupItems(open, close);
        }
        finally
        {
            _closers.RemoveAt(_closers.Count - 1);
        }
    }

    private MathNode GroupItems(string open, string close)
    {
        var items = new List<MathStatement>();
        while (Peek is { } t && !(t.Text == close && t.Kind is TokenKind.Symbol or TokenKind.Command))
        {
            if (t.Kind == TokenKind.Symbol && t.Text is ")" or "]" or "}")
            {
                // A mismatched closer ends the group ("\left( … \right]"); a brace may belong to an outer group.
                if (t.Text != "}") _pos++;
                return Collapse(open, close, items);
            }
            var before = _pos;
            var item = ParseRelation(null);
            if (item.Sides.Length > 0) items.Add(item);
            if (_pos == before) _pos++; // a comma, a stray token
        }
        if (Peek is not null) _pos++;
        return Collapse(open, close, items);
    }

    private static MathNode Collapse(string open, string close, List<MathStatement> items)
    {
        var kept = items.Select(i => (Item: i, Text: LatexPrinter.Print(i))).Where(x => x.Text.Length > 0).ToList();
        if (kept.Count == 0) return new OpaqueNode("");
        if (kept.Count == 1 && kept[0].Item.Sides.Length == 1) return kept[0].Item.Sides[0];
        // A tuple or a relation inside brackets: kept whole, in canonical text, always in braces so that
        // printing and reading it again gives the same text whatever bracket it came in.
        return new OpaqueNode("{" + string.Join(", ", kept.Select(x => x.Text)) + "}");
    }

    private MathNode Norm(string open, string kind)
    {
        _pos++;
        // \lVert and \lvert only open; | and \| close the innermost norm of their kind.
        var closers = kind == "abs" ? new[] { "|", "\\rvert", "\\vert" } : ["\\|", "\\Vert", "\\rVert"];
        _closers.Add(closers);
        try
        {
            var body = ParseExpression() ?? new OpaqueNode("");
            if (Peek is { } t && closers.Contains(t.Text)) _pos++;
            return new NormNode(body, kind);
        }
        finally
        {
            _closers.RemoveAt(_closers.Count - 1);
        }
    }

    /// <summary>Skips one token, or a whole balanced group when it opens one, without recursion.</summary>
    private void SkipBalanced()
    {
        if (Peek is not { } first) return;
        _pos++;
        if (first.Text is not ("{" or "(" or "[" or "\\{" or "\\|")) return;
        var depth = 1;
        while (_pos < _tokens.Count && depth > 0)
        {
            var t = _tokens[_pos++];
            if (t.Kind is TokenKind.Symbol or TokenKind.Command)
            {
                if (t.Text is "{" or "(" or "[" or "\\{") depth++;
                else if (t.Text is "}" or ")" or "]" or "\\}") depth--;
            }
        }
    }
}
