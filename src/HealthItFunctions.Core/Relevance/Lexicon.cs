using System.Text.Json;
using System.Text.Json.Serialization;

namespace HealthItFunctions.Core.Relevance;

/// <summary>One weighted phrase of an axis. Weights are per hit; repeated hits add with diminishing returns.</summary>
public sealed record LexiconTerm(string Text, double Weight);

/// <summary>
/// One axis of relevance (health, informatization, Beijing scope). Its factor in [0, 1] is
/// <see cref="Neutral"/> without evidence, rises to 1 as positive evidence reaches <see cref="Saturation"/>, and falls
/// toward 0 as negative evidence (terms that count against) outweighs it. <see cref="Ignore"/> phrases mask text that
/// would otherwise match a shorter term (北京时间 is not Beijing news, 南京 is not 京).
/// </summary>
public sealed record LexiconAxis(
    string Name,
    double Saturation,
    double Neutral,
    double IncludeMinimum,
    IReadOnlyList<LexiconTerm> Terms,
    IReadOnlyList<LexiconTerm> Negative,
    IReadOnlyList<string> Ignore)
{
    /// <summary>
    /// When more than this many distinct negative terms match, the story is read as spanning the country (a national
    /// round-up naming many provinces) rather than placed elsewhere, and the negatives stop counting. Null: never.
    /// </summary>
    public int? NationwideAbove { get; init; }
}

/// <summary>The score cut-offs: at or above <see cref="Include"/> (and every axis at its minimum) a story is kept; at or above <see cref="Review"/> an editor decides.</summary>
public sealed record BandThresholds(double Include, double Review);

/// <summary>The relevance lexicon operators edit in seeds/lexicon.json.</summary>
public sealed class Lexicon
{
    public const string FileName = "lexicon.json";

    private Lexicon(double titleMultiplier, BandThresholds bands, IReadOnlyList<LexiconAxis> axes)
    {
        TitleMultiplier = titleMultiplier;
        Bands = bands;
        Axes = axes;
    }

    /// <summary>How much more a hit in the title weighs than the same hit in the body.</summary>
    public double TitleMultiplier { get; }

    public BandThresholds Bands { get; }

    public IReadOnlyList<LexiconAxis> Axes { get; }

    public static Lexicon Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path));
        }
        catch (FormatException e)
        {
            throw new FormatException($"{path}: {e.Message}", e);
        }
    }

    /// <exception cref="FormatException">The JSON is malformed or a value is out of range; the message names the field.</exception>
    public static Lexicon Parse(string json)
    {
        LexiconDocument document;
        try
        {
            document = JsonSerializer.Deserialize<LexiconDocument>(json, SerializerOptions)
                ?? throw new FormatException("the lexicon is empty.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"the lexicon is not valid JSON ({e.Message}).", e);
        }

        if (document.TitleMultiplier < 1)
        {
            throw new FormatException("titleMultiplier must be at least 1: a title hit never weighs less than a body hit.");
        }

        if (document.Bands is not { } bands || bands.Review <= 0 || bands.Include < bands.Review || bands.Include > 1)
        {
            throw new FormatException("bands needs 0 < review <= include <= 1.");
        }

        if (document.Axes is not { Count: > 0 } axes)
        {
            throw new FormatException("axes must list at least one axis.");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var parsed = axes.Select(axis => ToAxis(axis, names)).ToList();
        return new Lexicon(document.TitleMultiplier, new BandThresholds(bands.Include, bands.Review), parsed);
    }

    private static LexiconAxis ToAxis(AxisDocument axis, HashSet<string> names)
    {
        var name = axis.Name is { Length: > 0 } n ? n : throw new FormatException("every axis needs a name.");
        if (!names.Add(name))
        {
            throw new FormatException($"axis '{name}' is listed twice.");
        }

        if (axis.Saturation <= 0)
        {
            throw new FormatException($"axis '{name}': saturation must be positive.");
        }

        if (axis.Neutral is < 0 or >= 1 || axis.IncludeMinimum is < 0 or > 1)
        {
            throw new FormatException($"axis '{name}': neutral must be in [0, 1) and includeMinimum in [0, 1].");
        }

        var terms = ToTerms(name, "terms", axis.Terms);
        if (terms.Count == 0)
        {
            throw new FormatException($"axis '{name}': terms must not be empty.");
        }

        var negative = ToTerms(name, "negative", axis.Negative);
        var ignore = (axis.Ignore ?? []).Select(t => RelevanceText.Normalize(t)).Where(t => t.Length > 0).ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in terms.Select(t => t.Text).Concat(negative.Select(t => t.Text)).Concat(ignore))
        {
            if (!seen.Add(text))
            {
                throw new FormatException($"axis '{name}': '{text}' appears more than once across terms, negative and ignore.");
            }
        }

        if (axis.NationwideAbove is < 1)
        {
            throw new FormatException($"axis '{name}': nationwideAbove must be at least 1 when set.");
        }

        return new LexiconAxis(name, axis.Saturation, axis.Neutral, axis.IncludeMinimum, terms, negative, ignore)
        {
            NationwideAbove = axis.NationwideAbove,
        };
    }

    private static List<LexiconTerm> ToTerms(string axis, string list, Dictionary<string, double>? terms)
    {
        var result = new List<LexiconTerm>();
        foreach (var (term, weight) in terms ?? [])
        {
            var text = RelevanceText.Normalize(term);
            if (text.Length == 0 || weight <= 0)
            {
                throw new FormatException($"axis '{axis}' {list}: '{term}' needs non-empty text and a positive weight.");
            }

            result.Add(new LexiconTerm(text, weight));
        }

        return result;
    }

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private sealed class LexiconDocument
    {
        [JsonPropertyName("$schema")]
        public string? Schema { get; set; }

        public string? Notes { get; set; }

        public int Version { get; set; }

        public double TitleMultiplier { get; set; } = 1;

        public BandsDocument? Bands { get; set; }

        public List<AxisDocument>? Axes { get; set; }
    }

    private sealed class BandsDocument
    {
        public double Include { get; set; }

        public double Review { get; set; }
    }

    private sealed class AxisDocument
    {
        public string? Name { get; set; }

        public string? Notes { get; set; }

        public double Saturation { get; set; }

        public double Neutral { get; set; }

        public double IncludeMinimum { get; set; }

        public int? NationwideAbove { get; set; }

        public Dictionary<string, double>? Terms { get; set; }

        public Dictionary<string, double>? Negative { get; set; }

        public List<string>? Ignore { get; set; }
    }
}
