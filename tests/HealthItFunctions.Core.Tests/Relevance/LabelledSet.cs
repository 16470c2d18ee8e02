using System.Text.Json;
using HealthItFunctions.Core.Relevance;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Core.Tests.Relevance;

/// <summary>One hand-labelled item of Relevance/labelled.jsonl: synthetic texts written for this test set.</summary>
internal sealed record LabelledItem(string Id, string Kind, bool Relevant, string Title, string Content);

/// <summary>The labelled set plus the reference bulletin items (all relevant), and how the scorer does on them.</summary>
internal static class LabelledSet
{
    public static Lexicon SeedsLexicon() => Lexicon.Load(Path.Combine(RepositoryPaths.Root, "seeds", Lexicon.FileName));

    public static IReadOnlyList<LabelledItem> Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Relevance", "labelled.jsonl");
        return File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line =>
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                return new LabelledItem(
                    root.GetProperty("id").GetString()!,
                    root.GetProperty("kind").GetString()!,
                    root.GetProperty("relevant").GetBoolean(),
                    root.GetProperty("title").GetString()!,
                    root.GetProperty("content").GetString()!);
            })
            .ToList();
    }
}

/// <summary>Kept = Include or Review: the bulletin editor sees it. Precision and recall count "kept" as the positive call.</summary>
internal sealed record Confusion(int TruePositive, int FalsePositive, int FalseNegative, int TrueNegative)
{
    public double Precision => TruePositive + FalsePositive == 0 ? 1 : (double)TruePositive / (TruePositive + FalsePositive);

    public double Recall => TruePositive + FalseNegative == 0 ? 1 : (double)TruePositive / (TruePositive + FalseNegative);

    public static Confusion Of(IEnumerable<(bool Relevant, bool Kept)> calls)
    {
        int tp = 0, fp = 0, fn = 0, tn = 0;
        foreach (var (relevant, kept) in calls)
        {
            _ = (relevant, kept) switch
            {
                (true, true) => tp++,
                (false, true) => fp++,
                (true, false) => fn++,
                (false, false) => tn++,
            };
        }

        return new Confusion(tp, fp, fn, tn);
    }

    public override string ToString() =>
        $"precision {Precision:0.000} recall {Recall:0.000} (tp {TruePositive}, fp {FalsePositive}, fn {FalseNegative}, tn {TrueNegative})";
}
