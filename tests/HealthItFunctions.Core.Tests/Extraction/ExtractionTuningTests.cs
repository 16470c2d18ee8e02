using System.Reflection;
using HealthItFunctions.Core.Extraction;

namespace HealthItFunctions.Core.Tests.Extraction;

public sealed class ExtractionTuningTests
{
    private static IEnumerable<PropertyInfo> Thresholds => typeof(ExtractionTuning).GetProperties(BindingFlags.Public | BindingFlags.Instance);

    [Fact]
    public void Default_ShareAndDensity_AreFractionsOfOne()
    {
        var shares = Thresholds.Where(p => p.Name.EndsWith("Share", StringComparison.Ordinal) || p.Name.EndsWith("Density", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(shares);
        Assert.All(shares, p => Assert.InRange((double)p.GetValue(ExtractionTuning.Default)!, double.Epsilon, 1.0));
    }

    [Fact]
    public void Default_LengthsAndWindows_ArePositive()
    {
        var counts = Thresholds.Where(p => p.PropertyType == typeof(int)).ToList();

        Assert.NotEmpty(counts);
        Assert.All(counts, p => Assert.True((int)p.GetValue(ExtractionTuning.Default)! > 0, p.Name));
    }

    [Fact]
    public void Default_PairedBounds_MinBelowMax()
    {
        var tuning = ExtractionTuning.Default;

        Assert.True(tuning.TitleMinLength < tuning.TitleMaxLength);
        Assert.True(tuning.MinNameLength <= tuning.BareNameSurnameSplit && tuning.BareNameSurnameSplit <= tuning.BareNameMaxLength);
        Assert.True(tuning.DateMinYear < tuning.UrlDateMaxYear);
        Assert.True(tuning.GateMaxNoticeText <= tuning.GateProbeText);
    }

    [Fact]
    public void Default_AncestorWeights_DecreaseFromTheBlockItself()
    {
        var weights = ExtractionTuning.Default.BodyAncestorWeights;

        Assert.Equal(1.0, weights[0]);
        Assert.Equal(weights.OrderByDescending(w => w), weights);
    }
}
