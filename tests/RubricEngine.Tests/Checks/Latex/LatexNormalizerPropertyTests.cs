using CsCheck;
using RubricEngine.Checks.Latex;

namespace RubricEngine.Tests.Checks.Latex;

public sealed class LatexNormalizerPropertyTests
{
    // Fragments LLM answers are made of, plus broken pieces: random concatenations cover odd combinations.
    private static readonly string[] Fragments =
    [
        "X", "W_1", "W_{2}", "U_k", "\\mathbf{X}", "^\\top", "^T", "^{-1}", "^2", "_F", "'", "(", ")", "[", "]", "{", "}",
        "\\left(", "\\right)", "\\|", "|", "+", "-", "=", "\\cdot", "\\times", "\\frac{", "}{", "\\operatorname{tr}", "\\text{Tr}",
        "I", "0", "2", "0.5", "\\Lambda_k", "\\nabla_{W_1}", "\\partial", "\\hat{", "\\sqrt", "\\,", "&", "\\\\", ",", "\\tag{1}",
        "\\quad", "(1)", "\\Rightarrow", "\\boxed{", "\\begin{aligned}", "\\end{aligned}", "\\text{ and }", "/", "\\odot", " ",
    ];

    private static readonly Gen<string> Tex = Gen.Int[0, Fragments.Length - 1].Array[0, 40]
        .Select(ix => string.Concat(ix.Select(i => Fragments[i])));

    [Test]
    public void Fragment_soup_never_throws() =>
        Tex.Sample(tex => { LatexNormalizer.Default.Normalize(tex); }, iter: 3000);

    // Well-formed formulas in the notations LLMs mix, built from a random program of choices.
    private static readonly Gen<string> Formula = Gen.Int[0, 1000].Array[1, 60].Select(Build);

    private static string Build(int[] program)
    {
        var pc = 0;
        int Next() => program[pc++ % program.Length] + pc;
        string Expr(int depth)
        {
            var choice = depth > 3 ? Next() % 4 : Next() % 13;
            string[] vars = ["X", "W_1", "W_{2}", @"\mathbf{U}_k", @"\Lambda_k", "I", "2", @"rac{1}{2}", "x'"];
            return choice switch
            {
                < 4 => vars[Next() % vars.Length],
                4 => Expr(depth + 1) + " + " + Expr(depth + 1),
                5 => Expr(depth + 1) + " - " + Expr(depth + 1),
                6 => Expr(depth + 1) + @" \cdot " + Expr(depth + 1),
                7 => "(" + Expr(depth + 1) + @")^	op",
                8 => @"\operatorname{tr}\left(" + Expr(depth + 1) + @"ight)",
                9 => @"\|" + Expr(depth + 1) + @"\|_F^2",
                10 => @"rac{" + Expr(depth + 1) + "}{" + Expr(depth + 1) + "}",
                11 => "(" + Expr(depth + 1) + ")^{-1}",
                _ => "(" + Expr(depth + 1) + ")(" + Expr(depth + 1) + ")",
            };
        }
        var formula = Expr(0);
        return Next() % 3 == 0 ? formula + " = " + Expr(1) + @" 	ag{1}" : formula;
    }

    [Test]
    public void Normalizing_a_well_formed_formula_twice_changes_nothing() =>
        Formula.Sample(tex =>
        {
            var once = LatexNormalizer.Default.Normalize(tex);
            return LatexNormalizer.Default.Normalize(once) == once;
        }, iter: 3000);

    [Test]
    public void Arbitrary_characters_never_throw() =>
        Gen.String.Sample(s => { LatexNormalizer.Default.Normalize(s); }, iter: 2000);
}
