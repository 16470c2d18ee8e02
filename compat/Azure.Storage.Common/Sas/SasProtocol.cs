namespace Azure.Storage.Sas;

public enum SasProtocol
{
    None = 0,
    HttpsAndHttp = 1,
    Https = 2,
}
