using Azure;
using Azure.Data.Tables;
using Azure.Data.Tables.Models;
using HealthItFunctions.Testing;

namespace Compat.Tests.Tables;

public sealed class TableServiceClientTests(AzuriteFixture azurite)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateTableIfNotExists_Twice_SecondAnswers409WithoutThrowing()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        string name = azurite.UniqueName("svc");

        Response<TableItem> created = await service.CreateTableIfNotExistsAsync(name, Cancellation);
        Response<TableItem> existing = await service.CreateTableIfNotExistsAsync(name, Cancellation);
        await service.DeleteTableAsync(name, Cancellation);

        Assert.Equal(name, created.Value.Name);
        Assert.Equal(409, existing.GetRawResponse().Status);
        Assert.Equal(name, existing.Value.Name);
    }

    [Fact]
    public void CreateTable_Existing_Throws409TableAlreadyExists()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        string name = azurite.UniqueName("svc");
        service.CreateTable(name, Cancellation);

        var error = Assert.Throws<RequestFailedException>(() => service.CreateTable(name, Cancellation));
        service.DeleteTable(name, Cancellation);

        Assert.Equal(409, error.Status);
        Assert.Equal("TableAlreadyExists", error.ErrorCode);
        Assert.True(error.ErrorCode! == TableErrorCode.TableAlreadyExists);
    }

    [Fact]
    public async Task TableClient_CreateIfNotExistsThenDelete_TableGoneAndSecondDeleteAnswers404()
    {
        var table = new TableClient(azurite.ConnectionString, azurite.UniqueName("tbl"));

        Response<TableItem> created = await table.CreateIfNotExistsAsync(Cancellation);
        Response<TableItem> again = table.CreateIfNotExists(Cancellation);
        Response deleted = await table.DeleteAsync(Cancellation);
        Response deletedAgain = table.Delete(Cancellation);

        Assert.Equal(table.Name, created.Value.Name);
        Assert.Equal(409, again.GetRawResponse().Status);
        Assert.Equal(204, deleted.Status);
        Assert.Equal(404, deletedAgain.Status);
    }

    [Fact]
    public async Task Query_ByTableName_FindsCreatedTableOnly()
    {
        var service = new TableServiceClient(azurite.TableEndpoint, new TableSharedKeyCredential(azurite.AccountName, azurite.AccountKey));
        string name = azurite.UniqueName("listed");
        await service.CreateTableAsync(name, Cancellation);

        List<TableItem> byString = await service.QueryAsync($"TableName eq '{name}'", cancellationToken: Cancellation).ToListAsync(Cancellation);
        List<TableItem> byFormattable = service.Query((FormattableString)$"TableName eq {name}", cancellationToken: Cancellation).ToList();
        await service.DeleteTableAsync(name, Cancellation);

        Assert.Equal(name, Assert.Single(byString).Name);
        Assert.Equal(name, Assert.Single(byFormattable).Name);
    }

    [Fact]
    public async Task Query_MaxPerPage_PagesTablesWithContinuation()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        string prefix = azurite.UniqueName("paged");
        string[] names = Enumerable.Range(0, 3).Select(i => $"{prefix}x{i}").ToArray();
        foreach (string name in names)
        {
            await service.CreateTableAsync(name, Cancellation);
        }

        List<Page<TableItem>> pages = await service
            .QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {prefix} and TableName lt {prefix + "y"}"), maxPerPage: 2, Cancellation)
            .AsPages()
            .ToListAsync(Cancellation);
        foreach (string name in names)
        {
            await service.DeleteTableAsync(name, Cancellation);
        }

        Assert.Equal([2, 1], pages.Select(page => page.Values.Count));
        Assert.Equal(names, pages.SelectMany(page => page.Values).Select(table => table.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetTableClient_SharesCredentials_CanWriteEntities()
    {
        var service = new TableServiceClient(azurite.ConnectionString);
        TableClient table = service.GetTableClient(azurite.UniqueName("child"));
        await table.CreateAsync(Cancellation);

        await table.AddEntityAsync(new TableEntity("p", "r"), Cancellation);
        bool found = (await table.GetEntityIfExistsAsync<TableEntity>("p", "r", cancellationToken: Cancellation)).HasValue;
        await table.DeleteAsync(Cancellation);

        Assert.True(found);
        Assert.Equal(service.AccountName, table.AccountName);
    }

    [Fact]
    public async Task SharedKey_WrongAccountKey_RejectedWith403()
    {
        string wrongKey = Convert.ToBase64String(new byte[64]);
        var service = new TableServiceClient(azurite.TableEndpoint, new TableSharedKeyCredential(azurite.AccountName, wrongKey));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => service.CreateTableAsync(azurite.UniqueName("denied"), Cancellation));

        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task SharedKey_SetAccountKeyAfterRotation_NextRequestSucceeds()
    {
        var credential = new TableSharedKeyCredential(azurite.AccountName, Convert.ToBase64String(new byte[64]));
        var table = new TableClient(azurite.TableEndpoint, azurite.UniqueName("rotated"), credential);

        credential.SetAccountKey(azurite.AccountKey);
        Response<TableItem> created = await table.CreateAsync(Cancellation);
        await table.DeleteAsync(Cancellation);

        Assert.Equal(table.Name, created.Value.Name);
    }

    [Fact]
    public void ConnectionString_UseDevelopmentStorage_PointsAtEmulatorAccount()
    {
        var service = new TableServiceClient("UseDevelopmentStorage=true");
        TableClient table = service.GetTableClient("things");

        Assert.Equal("devstoreaccount1", service.AccountName);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1"), service.Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10002/devstoreaccount1/things"), table.Uri);
    }

    [Fact]
    public void ConnectionString_AccountNameAndKey_BuildsPublicCloudEndpoint()
    {
        string key = Convert.ToBase64String(new byte[64]);

        var service = new TableServiceClient($"DefaultEndpointsProtocol=https;AccountName=healthit;AccountKey={key};EndpointSuffix=core.chinacloudapi.cn");

        Assert.Equal("healthit", service.AccountName);
        Assert.Equal(new Uri("https://healthit.table.core.chinacloudapi.cn"), service.Uri);
    }

    [Fact]
    public void Constructor_EndpointWithSharedKey_TakesAccountNameFromCredential()
    {
        var table = new TableClient(new Uri("https://healthit.table.core.windows.net"), "things", new TableSharedKeyCredential("healthit", Convert.ToBase64String(new byte[64])));

        Assert.Equal(("healthit", "things"), (table.AccountName, table.Name));
        Assert.Equal(new Uri("https://healthit.table.core.windows.net/things"), table.Uri);
    }
}
