using HealthItFunctions.Core.Extraction;

namespace HealthItFunctions.Fuzzing;

/// <summary>Every target, in the order the report lists them: the parsers, the three renderers, the mail.</summary>
public static class FuzzTargets
{
    public static IReadOnlyList<FuzzTarget> All(ArticleReader reader) =>
    [
        ParserProperties.Extraction(reader),
        RenderingProperties.Text(),
        RenderingProperties.Html(),
        RenderingProperties.Word(),
        MailProperties.Target(),
        ParserProperties.ReviewApi(),
        ParserProperties.QueueMessages(),
    ];
}
