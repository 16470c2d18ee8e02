using System.Text;
using System.Text.RegularExpressions;

namespace HealthItFunctions.Core.Fetching;

/// <summary>
/// A parsed robots.txt (RFC 9309): the groups naming our product token apply, else the "*" groups;
/// the longest matching Allow/Disallow pattern wins and Allow wins a tie.
/// </summary>
public sealed class RobotsTxt
{
    private readonly IReadOnlyList<Rule> _rules;

    private RobotsTxt(IReadOnlyList<Rule> rules) => _rules = rules;

    public static RobotsTxt AllowAll { get; } = new([]);

    /// <summary>Rules that apply to us, for diagnostics.</summary>
    public int RuleCount => _rules.Count;

    public static RobotsTxt Parse(string text, string productToken)
    {
        var ours = new List<Rule>();
        var star = new List<Rule>();
        var agents = new List<string>();
        var inRules = false;

        foreach (var rawLine in text.Split('\n'))
        {
            var line = StripComment(rawLine).Trim();
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var key = line[..colon].Trim().ToLowerInvariant();
            var value = line[(colon + 1)..].Trim();
            switch (key)
            {
                case "user-agent":
                    // A user-agent line after rules starts a new group.
                    if (inRules)
                    {
                        agents.Clear();
                        inRules = false;
                    }

                    agents.Add(value);
                    break;
                case "allow" or "disallow":
                    inRules = true;
                    if (value.Length == 0)
                    {
                        // "Disallow:" with no path allows everything: no rule to add.
                        continue;
                    }

                    var rule = new Rule(value, key == "allow", ToRegex(value));
                    if (agents.Any(agent => MatchesProduct(agent, productToken)))
                    {
                        ours.Add(rule);
                    }

                    if (agents.Any(agent => agent == "*"))
                    {
                        star.Add(rule);
                    }

                    break;
            }
        }

        // Our own group replaces "*" entirely, even when it says less.
        var named = HasGroupFor(text, productToken);
        return new RobotsTxt(named ? ours : star);
    }

    /// <summary>Null when allowed; else the rule that forbids, e.g. "Disallow: /private/".</summary>
    public string? DisallowingRule(Uri url)
    {
        var path = url.PathAndQuery;
        if (path.Equals("/robots.txt", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        Rule? best = null;
        foreach (var rule in _rules)
        {
            if (!rule.Regex.IsMatch(path))
            {
                continue;
            }

            if (best is null || rule.Pattern.Length > best.Pattern.Length ||
                (rule.Pattern.Length == best.Pattern.Length && rule.Allow))
            {
                best = rule;
            }
        }

        return best is { Allow: false } ? "Disallow: " + best.Pattern : null;
    }

    private static bool HasGroupFor(string text, string productToken) =>
        text.Split('\n')
            .Select(line => StripComment(line).Trim())
            .Where(line => line.StartsWith("user-agent", StringComparison.OrdinalIgnoreCase) && line.Contains(':'))
            .Any(line => MatchesProduct(line[(line.IndexOf(':') + 1)..].Trim(), productToken));

    // RFC 9309 matches the product token case-insensitively; sites often write "HealthItMonitor/1.0".
    private static bool MatchesProduct(string agent, string productToken)
    {
        var token = agent.Split('/', 2)[0].Trim();
        return token.Length > 0 && token != "*" && token.Equals(productToken, StringComparison.OrdinalIgnoreCase);
    }

    private static string StripComment(string line)
    {
        var hash = line.IndexOf('#');
        return hash >= 0 ? line[..hash] : line;
    }

    private static Regex ToRegex(string pattern)
    {
        var anchored = pattern.EndsWith('$');
        var body = anchored ? pattern[..^1] : pattern;
        var regex = new StringBuilder("^");
        var parts = body.Split('*');
        for (var i = 0; i < parts.Length; i++)
        {
            regex.Append(i > 0 ? ".*" : "").Append(Regex.Escape(parts[i]));
        }

        if (anchored)
        {
            regex.Append(@"\z");
        }

        // Without backtracking: a hostile pattern (/*a*a*a…*a$) against a long path took exponential time and threw
        // RegexMatchTimeoutException out of the fetcher; the non-backtracking engine matches in time linear in the path.
        return new Regex(regex.ToString(), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
    }

    private sealed record Rule(string Pattern, bool Allow, Regex Regex);
}
