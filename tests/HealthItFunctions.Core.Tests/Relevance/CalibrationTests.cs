using HealthItFunctions.Core.Relevance;
using HealthItFunctions.Testing;

namespace HealthItFunctions.Core.Tests.Relevance;

/// <summary>The seeds lexicon against what editors actually kept (reference bulletins) and against labelled negatives.</summary>
public sealed class CalibrationTests
{
    private readonly RelevanceScorer _scorer = new(LabelledSet.SeedsLexicon());

    [Fact]
    public void Score_EveryReferenceBulletinItem_IncludeOrReview()
    {
        var items = ReferenceBulletins.Items();
        var assessments = items.Select(i => (Item: i, Assessment: _scorer.Score(i.Title, i.Content))).ToList();
        foreach (var (item, assessment) in assessments)
        {
            TestContext.Current.SendDiagnosticMessage($"{item.Bulletin} #{item.Number} {item.Title}: {assessment.Explain()}");
        }

        Assert.Equal(13, items.Count);
        Assert.All(items, i => Assert.True(i.Content.Length > 200, $"{i.Bulletin} #{i.Number} parsed without its 主要内容"));
        var dropped = assessments.Where(a => a.Assessment.Band == RelevanceBand.Exclude)
            .Select(a => $"{a.Item.Bulletin} #{a.Item.Number} {a.Item.Title}: {a.Assessment.Explain()}");
        Assert.Empty(dropped);
    }

    [Fact]
    public void Score_LabelledSet_KeepsEveryRelevantItemAndDropsNearlyAllOthers()
    {
        var items = LabelledSet.Load();
        var calls = items.Select(i => (Item: i, Assessment: _scorer.Score(i.Title, i.Content))).ToList();
        foreach (var (item, assessment) in calls)
        {
            TestContext.Current.SendDiagnosticMessage($"{item.Id} {item.Kind} relevant={item.Relevant}: {assessment.Explain()}");
        }

        var confusion = Confusion.Of(calls.Select(c => (c.Item.Relevant, c.Assessment.Band != RelevanceBand.Exclude)));
        TestContext.Current.SendDiagnosticMessage($"labelled set: {confusion}");

        Assert.True(items.Count(i => !i.Relevant) >= 40, "the labelled set needs at least 40 negatives to say anything about precision");
        var misses = calls.Where(c => c.Item.Relevant != (c.Assessment.Band != RelevanceBand.Exclude))
            .Select(c => $"{c.Item.Id} {c.Item.Title}: {c.Assessment.Explain()}");
        Assert.True(confusion.Recall == 1 && confusion.Precision >= 0.9, $"{confusion}\n{string.Join("\n", misses)}");
    }

    [Fact]
    public void Score_LabelledPositivesInBeijing_Include()
    {
        var beijing = LabelledSet.Load().Where(i => i.Kind == "positive-beijing").ToList();

        var notIncluded = beijing.Select(i => (Item: i, Assessment: _scorer.Score(i.Title, i.Content)))
            .Where(c => c.Assessment.Band != RelevanceBand.Include)
            .Select(c => $"{c.Item.Id} {c.Item.Title}: {c.Assessment.Explain()}");

        Assert.NotEmpty(beijing);
        Assert.Empty(notIncluded);
    }

    [Fact]
    public void Score_LabelledNationalPositives_ReviewNotInclude()
    {
        var national = LabelledSet.Load().Where(i => i.Kind == "positive-national").ToList();

        var bands = national.Select(i => _scorer.Score(i.Title, i.Content).Band).ToList();

        Assert.NotEmpty(national);
        Assert.All(bands, band => Assert.Equal(RelevanceBand.Review, band));
    }
}
