namespace HealthItFunctions.Cli.Benchmark;

/// <summary>
/// Body overlap over 4-gram shingles: every CJK character is one token, every run of other letters or digits is one
/// token; whitespace and punctuation are not tokens, so line breaks and indentation do not count. Shingles are a
/// multiset: a paragraph extracted twice costs precision.
/// </summary>
internal static class ShingleScorer
{
    public const int N = 4;

    public readonly record struct Overlap(double Precision, double Recall)
    {
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    }

    public static Overlap Score(string predicted, string truth)
    {
        var predictedShingles = Shingles(predicted);
        var truthShingles = Shingles(truth);
        var predictedTotal = predictedShingles.Values.Sum();
        var truthTotal = truthShingles.Values.Sum();
        if (predictedTotal == 0 || truthTotal == 0)
        {
            return predictedTotal == truthTotal ? new Overlap(1, 1) : new Overlap(0, 0);
        }

        var common = 0;
        foreach (var (shingle, count) in predictedShingles)
        {
            common += Math.Min(count, truthShingles.GetValueOrDefault(shingle));
        }

        return new Overlap((double)common / predictedTotal, (double)common / truthTotal);
    }

    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>(text.Length);
        var run = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var c = i < text.Length ? text[i] : ' ';
            var isCjk = IsCjk(c);
            var isWord = !isCjk && char.IsLetterOrDigit(c);
            if (isWord)
            {
                if (run < 0)
                {
                    run = i;
                }

                continue;
            }

            if (run >= 0)
            {
                tokens.Add(text[run..i]);
                run = -1;
            }

            if (isCjk)
            {
                tokens.Add(c.ToString());
            }
        }

        return tokens;
    }

    /// <summary>Texts shorter than N tokens form a single shingle, so a short truth still scores.</summary>
    private static Dictionary<string, int> Shingles(string text)
    {
        var tokens = Tokenize(text);
        var shingles = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Count == 0)
        {
            return shingles;
        }

        var width = Math.Min(N, tokens.Count);
        for (var i = 0; i + width <= tokens.Count; i++)
        {
            var key = string.Join('\u0001', tokens.GetRange(i, width));
            shingles[key] = shingles.GetValueOrDefault(key) + 1;
        }

        return shingles;
    }

    private static bool IsCjk(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf' or >= '\u3040' and <= '\u30ff'
        or >= '\uac00' and <= '\ud7af' or >= '\uf900' and <= '\ufaff';
}
