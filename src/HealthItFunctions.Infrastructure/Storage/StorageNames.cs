using HealthItFunctions.Core.Bulletins;

namespace HealthItFunctions.Infrastructure.Storage;

/// <summary>Table and container names, fixed: they are the schema, not a setting. Public for the serve audit, which reads them directly.</summary>
public static class StorageNames
{
    public const string ArticlesTable = "articles";
    public const string ArticleIndexTable = "articleindex";
    public const string BulletinsTable = "bulletins";
    public const string BulletinsContainer = "bulletins";
    public const string ArticleBodiesContainer = "articles";
    public const string ArticleImagesContainer = "article-images";

    /// <summary>yyyyMM: the Beijing month as a PartitionKey, so a month is one partition scan.</summary>
    public static string PartitionKey(BulletinMonth month) => $"{month.Year:D4}{month.Month:D2}";

    public static BulletinMonth MonthOf(string partitionKey) => BulletinMonth.Parse($"{partitionKey[..4]}-{partitionKey[4..]}");
}
