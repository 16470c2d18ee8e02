namespace Azure.Data.Tables;

/// <summary>The answer of a *IfExists call for something that does not exist.</summary>
internal sealed class NoValueResponse<T>(Response response) : NullableResponse<T>
{
    public override bool HasValue => false;

    public override T Value => throw new InvalidOperationException(
        $"The requested item does not exist (status {response.Status}); check HasValue before reading Value.");

    public override Response GetRawResponse() => response;
}
