namespace HealthItFunctions.Core.Images;

/// <summary>A picture of an article's body as extraction found it.</summary>
/// <param name="Position">How many body paragraphs come before it: 0 opens the body, Paragraphs.Count closes it.</param>
/// <param name="Url">Absolute http(s) address, taken from the lazy-loading attribute when the page has one.</param>
/// <param name="Alt">The img element's alt text, when it says something.</param>
/// <param name="Caption">The short line under or beside the picture; it is not among the body paragraphs.</param>
public sealed record BodyImage(int Position, string Url, string? Alt = null, string? Caption = null);
