using System.Text;
using CsCheck;

namespace HealthItFunctions.Fuzzing;

/// <summary>
/// Generators of hostile and unlucky input, shared by the property tests and <c>healthit-bench fuzz</c>: markup
/// fragments a page can be made of (deep nesting, stray and raw-text tags, entities naming every kind of code point,
/// unterminated comments), any string at all, and JSON shaped like or unlike our bodies and messages.
/// </summary>
public static class HostileInputs
{
    /// <summary>The fixed seed of every property test: a failure reproduces on every machine.</summary>
    public static PCG Seed() => new(7, 20261207);

    private static readonly string[] Tags =
        ["div", "p", "span", "a", "font", "b", "table", "tr", "td", "li", "ul", "h1", "article", "section", "br", "img", "script", "style", "title", "textarea", "svg", "iframe"];

    private static readonly string[] Entities =
    [
        "&#xFFFE;", "&#xFFFF;", "&#xD800;", "&#xDFFF;", "&#0;", "&#x1;", "&#x8;", "&#x1B;", "&#x7F;", "&#x85;", "&#x9F;", "&#xFDD0;", "&#x1FFFE;",
        "&#x110000;", "&#99999999999;", "&#x;", "&#;", "&amp", "&nbsp;", "&lt;", "&#x1F600;", "&#12288;", "&#x200B;", "&unknown;", "&#x3000;",
    ];

    private static readonly string[] Prose =
        ["北京市卫生健康委员会", "推进“互联网+医疗健康”", "电子病历", "，", "。", "来源：健康报", "作者：张三", "2021-08-20 10:30", "3小时前", "环境异常", " ", "\n", "\t"];

    /// <summary>Any string: every UTF-16 code unit is possible, lone surrogates included.</summary>
    public static Gen<string> AnyString { get; } = Gen.String[Gen.Char, 0, 200];

    private static readonly string[] Tricks =
    [
        "\r\nBcc: victim@example.org", "\nSubject: injected", "\r\n\r\n<html>body</html>", "\rX-Injected: 1", "\u0085Bcc: x@example.org",
        "\u2028", "\u2029", "\u202E", "\u200F", "\u200E", "\u2066", "\u061C", "\uFEFF", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "\u0000", "\u001B[31m",
        "=?utf-8?B?PHNjcmlwdD4=?=", "\"", "<", ">", "&", "\\", ";", ",", "@", "\t", " ", "北京市卫健委", "الصحة", "😀",
    ];

    /// <summary>
    /// A string aimed at text that travels in mail and documents: header injection (CR/LF, NEL, line and paragraph
    /// separators), bidirectional overrides, lone surrogates and noncharacters, encoded-word look-alikes, very long
    /// lines without a space, among ordinary text.
    /// </summary>
    public static Gen<string> HostileString { get; } = Gen.Frequency(
        (4, Pick(Tricks)),
        (3, AnyString),
        (1, Gen.Int[500, 4000].SelectMany(n => Gen.Char['a', 'z'].Select(c => new string(c, n)))),
        (1, Gen.Int[200, 1500].Select(n => Repeat("北京", n)))).Array[0, 6].Select(string.Concat);

    /// <summary>One piece of markup.</summary>
    public static Gen<string> Fragment { get; } = Gen.Frequency(
        (6, Pick(Prose)),
        (4, Pick(Entities)),
        (4, Pick(Tags).Select(t => $"<{t}>")),
        (3, Pick(Tags).Select(t => $"</{t}>")),
        (2, Pick(Tags).SelectMany(t => AnyString.Select(v => $"<{t} class=\"{v.Replace("\"", "")}\" style=\"display:none\">"))),
        (2, AnyString),
        (1, Gen.Int[1, 3000].SelectMany(n => Pick(Tags).Select(t => Repeat($"<{t}>", n)))),
        (1, Pick("<!--", "-->", "<![CDATA[", "<!DOCTYPE html>", "<?xml version=\"1.0\"?>", "<", ">", "</", "<a href=\"javascript:alert(1)\">", "<meta charset=\"gb2312\">")));

    /// <summary>A page: a usual head, then up to 400 fragments.</summary>
    public static Gen<string> Page { get; } = Fragment.Array[0, 400].Select(parts =>
        "<html><head><title>医院信息化建设新进展</title></head><body><h1>医院信息化建设新进展</h1>" + string.Concat(parts) + "</body></html>");

    /// <summary>A page as bytes: UTF-8, GB18030, or UTF-8 with random bytes spliced in (a mis-saved or truncated page).</summary>
    public static Gen<(byte[] Bytes, string? ContentType)> PageBytes { get; } = Gen.Select(Page, Gen.Int[0, 3], Gen.Byte.Array[0, 64], Encode);

    private static (byte[] Bytes, string? ContentType) Encode(string page, int kind, byte[] noise)
    {
        var utf8 = Encoding.UTF8.GetBytes(page);
        return kind switch
        {
            0 => (utf8, "text/html; charset=utf-8"),
            1 => (Gb18030.GetBytes(page), "text/html; charset=gbk"),
            2 => ([.. utf8.AsSpan(0, utf8.Length / 2), .. noise, .. utf8.AsSpan(utf8.Length / 2)], null),
            _ => (utf8.AsSpan(0, utf8.Length * 2 / 3).ToArray(), "text/html; charset=x-unknown"),
        };
    }

    /// <summary>JSON-ish text: valid documents of the wrong shape, near-misses of ours, and noise.</summary>
    public static Gen<string> Json { get; } = Gen.Frequency(
        (3, JsonValue(3)),
        (2, Gen.Select(JsonValue(1), JsonValue(1), JsonValue(1), (a, b, c) =>
            $"{{\"v\":1,\"sourceId\":{a},\"url\":{b},\"canonicalUrl\":{b},\"listTitle\":{c},\"title\":{c},\"summary\":{a},\"decision\":{c},\"month\":{a},\"order\":{b}}}")),
        (1, AnyString));

    private static Gen<string> JsonValue(int depth) => depth == 0
        ? Gen.Frequency(
            (3, AnyString.Select(s => System.Text.Json.JsonSerializer.Serialize(s))),
            (1, Pick("null", "true", "0", "-1", "1e400", "9223372036854775808", "\"https://example.org/a\"", "\"http://127.0.0.1/\"", "\"2021-08\"", "\"\\ud800\"")))
        : Gen.Frequency(
            (2, JsonValue(0)),
            (1, JsonValue(depth - 1).Array[0, 4].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(AnyString, JsonValue(depth - 1)).Array[0, 4].Select(members =>
                "{" + string.Join(",", members.Select(m => System.Text.Json.JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}")));

    private static Gen<string> Pick(params string[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    private static Encoding Gb18030 { get; } = CodePagesEncoding();

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("gb18030");
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
