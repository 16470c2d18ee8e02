namespace HealthItFunctions.Core.Dedup;

/// <summary>
/// The sketch values that many distinct stories of the window share: the month's stock text (a topic's set sentences,
/// a site's furniture the normalizer keeps). Two stories on one topic can share half their shingles through such
/// sentences alone, so their raw Jaccard estimate reaches the reprint bar; agreement on the slots that carry none of it
/// tells a reprint (its names, figures and wording travel too) from a sibling (only the stock travels).
/// </summary>
/// <remarks>
/// Works on the stored sketches alone, so no body is read: slot k of a sketch is the low byte of the least hash of the
/// text's shingles, and a value held at slot k by far more stories than chance (1 in 256) is a shingle most of them
/// contain. Count each story once (one sketch per cluster), or a story reprinted widely would look like boilerplate.
/// </remarks>
public sealed class MonthBoilerplate
{
    /// <summary>
    /// How far above chance (in Poisson standard deviations) a value's story count must be to count as common: over the
    /// 65,536 slot-value cells a 5σ excess arises by accident about once in fifty windows.
    /// </summary>
    public const double ChanceSigmas = 5;

    /// <summary>Stories beyond the σ margin a common value needs, so a small window (λ near 0) never calls a value shared by two or three stories common.</summary>
    public const double MinExcessStories = 2;

    private const int Values = 256;

    private readonly int[] _counts;

    public MonthBoilerplate(int slots = MinHashSketch.DefaultSlots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        Slots = slots;
        _counts = new int[slots * Values];
    }

    /// <summary>The window's boilerplate from one sketch per distinct story (empty sketches are skipped).</summary>
    public static MonthBoilerplate FromStories(IEnumerable<byte[]> sketches, int slots = MinHashSketch.DefaultSlots)
    {
        var boilerplate = new MonthBoilerplate(slots);
        foreach (var sketch in sketches)
        {
            boilerplate.Add(sketch);
        }

        return boilerplate;
    }

    public int Slots { get; }

    /// <summary>Distinct stories counted so far.</summary>
    public int Stories { get; private set; }

    /// <summary>Least count at which a slot value is common in a window of <see cref="Stories"/> stories.</summary>
    public double CommonCount
    {
        get
        {
            var chance = (double)Stories / Values;
            return chance + ChanceSigmas * Math.Sqrt(chance) + MinExcessStories;
        }
    }

    /// <summary>Counts one more distinct story.</summary>
    public void Add(ReadOnlySpan<byte> sketch)
    {
        if (sketch.IsEmpty)
        {
            return;
        }

        var slots = Math.Min(sketch.Length, Slots);
        for (var k = 0; k < slots; k++)
        {
            _counts[k * Values + sketch[k]]++;
        }

        Stories++;
    }

    public bool IsCommon(int slot, byte value) => slot < Slots && _counts[slot * Values + value] >= CommonCount;

    /// <summary>
    /// The Jaccard estimate over the slots where neither sketch holds a common value, and how many such slots there
    /// were: the similarity of what the two texts do not share with the rest of the month.
    /// </summary>
    public DistinctiveAgreement Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var slots = Math.Min(Math.Min(a.Length, b.Length), Slots);
        var threshold = CommonCount;
        int informative = 0, agree = 0;
        for (var k = 0; k < slots; k++)
        {
            if (_counts[k * Values + a[k]] >= threshold || _counts[k * Values + b[k]] >= threshold)
            {
                continue;
            }

            informative++;
            agree += a[k] == b[k] ? 1 : 0;
        }

        return new DistinctiveAgreement(informative == 0 ? 0 : MinHashSketch.CorrectForChance((double)agree / informative), informative);
    }
}

/// <summary>The Jaccard estimate over a pair's <see cref="Slots"/> slots free of the month's common values.</summary>
public readonly record struct DistinctiveAgreement(double Similarity, int Slots);
