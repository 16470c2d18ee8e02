using Azure.Core;

namespace Azure.Storage.Queues;

public class QueueClientOptions : ClientOptions
{
    /// <summary>The newest version of Azure.Storage.Queues 12.24.0, its default; Azurite 3.35 accepts it.</summary>
    internal const ServiceVersion LatestVersion = ServiceVersion.V2025_11_05;

    public QueueClientOptions(ServiceVersion version = LatestVersion)
    {
        Version = Enum.IsDefined(version) ? version : throw new ArgumentOutOfRangeException(nameof(version), version, "Unknown service version.");
        Diagnostics.AllowStorageLogging();
    }

    /// <summary>How clients encode message bodies on send and decode them on receive; both ends of a queue must agree.</summary>
    public QueueMessageEncoding MessageEncoding { get; set; }

    /// <summary>The REST API version (x-ms-version) the clients speak.</summary>
    public ServiceVersion Version { get; }

    public enum ServiceVersion
    {
        V2019_02_02 = 1,
        V2019_07_07 = 2,
        V2019_12_12 = 3,
        V2020_02_10 = 4,
        V2020_04_08 = 5,
        V2020_06_12 = 6,
        V2020_08_04 = 7,
        V2020_10_02 = 8,
        V2020_12_06 = 9,
        V2021_02_12 = 10,
        V2021_04_10 = 11,
        V2021_06_08 = 12,
        V2021_08_06 = 13,
        V2021_10_04 = 14,
        V2021_12_02 = 15,
        V2022_11_02 = 16,
        V2023_01_03 = 17,
        V2023_05_03 = 18,
        V2023_08_03 = 19,
        V2023_11_03 = 20,
        V2024_02_04 = 21,
        V2024_05_04 = 22,
        V2024_08_04 = 23,
        V2024_11_04 = 24,
        V2025_01_05 = 25,
        V2025_05_05 = 26,
        V2025_07_05 = 27,
        V2025_11_05 = 28,
    }
}
