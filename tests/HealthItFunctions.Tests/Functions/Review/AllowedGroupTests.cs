using System.Text;
using HealthItFunctions.Core.Review;
using HealthItFunctions.Functions.Review;

namespace HealthItFunctions.Tests.Functions.Review;

public sealed class AllowedGroupTests
{
    private const string Group = "5b0c1d2e-3f40-4a5b-8c6d-7e8f90a1b2c3";

    [Fact]
    public void IsMember_PrincipalWithTheGroupClaim_IsAdmitted()
    {
        Assert.True(AllowedGroupMiddleware.IsMember(Principal(("name", "editor@example.org"), ("groups", "00000000-0000-0000-0000-000000000001"), ("groups", Group.ToUpperInvariant())), Group));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64!")]
    [InlineData("bm90IGpzb24=")] // "not json"
    public void IsMember_MissingOrMalformedPrincipal_IsRefused(string? header)
    {
        Assert.False(AllowedGroupMiddleware.IsMember(header, Group));
    }

    [Fact]
    public void IsMember_SignedInUserOfAnotherGroup_IsRefused()
    {
        Assert.False(AllowedGroupMiddleware.IsMember(Principal(("name", "someone@example.org"), ("groups", "00000000-0000-0000-0000-000000000001")), Group));
    }

    [Fact]
    public void StatusOf_EveryReviewOutcome_HasOneHttpStatus()
    {
        var statuses = Enum.GetValues<ReviewOutcome>().Select(ReviewHttp.StatusOf).ToList();

        Assert.Equal(statuses.Count, statuses.Distinct().Count());
        Assert.All(statuses, s => Assert.InRange(s, 200, 599));
    }

    private static string Principal(params (string Type, string Value)[] claims) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(
            "{\"auth_typ\":\"aad\",\"claims\":[" + string.Join(",", claims.Select(c => $"{{\"typ\":\"{c.Type}\",\"val\":\"{c.Value}\"}}")) + "]}"));
}
