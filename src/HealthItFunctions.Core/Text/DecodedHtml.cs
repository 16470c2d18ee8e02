using System.Text;

namespace HealthItFunctions.Core.Text;

/// <summary>The decoded page plus the encoding that was used and why.</summary>
/// <param name="Text">The decoded text, without any byte-order mark.</param>
/// <param name="Encoding">The encoding the bytes were decoded with (lenient: invalid bytes became U+FFFD).</param>
/// <param name="Evidence">
/// Short, stable description of what decided the encoding, e.g. <c>bom:utf-8</c>, <c>utf8-valid</c>,
/// <c>utf8-valid; ignored meta:gb2312</c>, <c>header:gbk</c>, <c>meta:gb2312</c>, <c>sniff:gb18030</c>.
/// Kept for debugging and logs, not for branching.
/// </param>
public sealed record DecodedHtml(string Text, Encoding Encoding, string Evidence);
