using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage;

namespace Compat.Tests.Blobs;

/// <summary>The Shared Key string-to-sign, checked against the examples of the REST documentation "Authorize with Shared Key".</summary>
public sealed class SharedKeySigningTests
{
    private static readonly HttpPipeline s_pipeline = HttpPipelineBuilder.Build(new TestClientOptions());

    [Fact]
    public void StringToSign_SharedKeyLiteDocumentedExample_MatchesTheDocumentation()
    {
        Request request = CreateRequest(RequestMethod.Put, "http://testaccount1.blob.core.windows.net/mycontainer/hello.txt");
        request.Headers.SetValue("Content-Type", "text/plain; charset=UTF-8");
        request.Headers.SetValue("x-ms-date", "Sun, 20 Sep 2009 20:36:40 GMT");
        request.Headers.SetValue("x-ms-meta-m1", "v1");
        request.Headers.SetValue("x-ms-meta-m2", "v2");

        string stringToSign = SharedKeyStringToSign.Build(request, "testaccount1", SharedKeyScheme.SharedKeyLite);

        Assert.Equal(
            "PUT\n\ntext/plain; charset=UTF-8\n\nx-ms-date:Sun, 20 Sep 2009 20:36:40 GMT\nx-ms-meta-m1:v1\nx-ms-meta-m2:v2\n/testaccount1/mycontainer/hello.txt",
            stringToSign);
    }

    [Fact]
    public void StringToSign_SharedKeyListWithRepeatedInclude_SortsNamesAndJoinsValues()
    {
        Request request = CreateRequest(
            RequestMethod.Get,
            "http://myaccount.blob.core.windows.net/mycontainer?restype=container&comp=list&include=snapshots&include=metadata&include=uncommittedblobs");
        request.Headers.SetValue("x-ms-version", "2015-02-21");
        request.Headers.SetValue("x-ms-date", "Fri, 26 Jun 2015 23:39:12 GMT");

        string stringToSign = SharedKeyStringToSign.Build(request, "myaccount", SharedKeyScheme.SharedKey);

        Assert.Equal(
            "GET\n" + new string('\n', 11)
            + "x-ms-date:Fri, 26 Jun 2015 23:39:12 GMT\nx-ms-version:2015-02-21\n"
            + "/myaccount/mycontainer\ncomp:list\ninclude:metadata,snapshots,uncommittedblobs\nrestype:container",
            stringToSign);
    }

    [Fact]
    public void StringToSign_SharedKeyPutToTheEmulator_SignsLengthTypeAndAccountPrefixedPath()
    {
        Request request = CreateRequest(RequestMethod.Put, "http://127.0.0.1:10000/devstoreaccount1/mycontainer/my%20blob.txt");
        request.Content = RequestContent.Create(Encoding.UTF8.GetBytes("hello world"));
        request.Headers.SetValue("Content-Type", "text/plain");
        request.Headers.SetValue("If-None-Match", "*");
        request.Headers.SetValue("x-ms-blob-type", "BlockBlob");
        request.Headers.SetValue("x-ms-date", "Sun, 20 Sep 2009 20:36:40 GMT");

        string stringToSign = SharedKeyStringToSign.Build(request, "devstoreaccount1", SharedKeyScheme.SharedKey);

        Assert.Equal(
            "PUT\n\n\n11\n\ntext/plain\n\n\n\n*\n\n\n"
            + "x-ms-blob-type:BlockBlob\nx-ms-date:Sun, 20 Sep 2009 20:36:40 GMT\n"
            + "/devstoreaccount1/devstoreaccount1/mycontainer/my%20blob.txt",
            stringToSign);
    }

    [Fact]
    public void Policy_OnSendingRequest_DatesAndSignsWithTheAccountKey()
    {
        const string accountKey = "c2VjcmV0IGtleSBmb3IgdGVzdHM=";
        var credential = new StorageSharedKeyCredential("myaccount", accountKey);
        HttpMessage message = s_pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Get;
        message.Request.Uri.Reset(new Uri("https://myaccount.queue.core.windows.net/jobs?comp=metadata"));

        new StorageSharedKeyPipelinePolicy(credential).OnSendingRequest(message);

        Assert.True(message.Request.Headers.TryGetValue("x-ms-date", out var date));
        var expectedStringToSign = "GET\n" + new string('\n', 11) + $"x-ms-date:{date}\n/myaccount/jobs\ncomp:metadata";
        var expectedSignature = Convert.ToBase64String(
            HMACSHA256.HashData(Convert.FromBase64String(accountKey), Encoding.UTF8.GetBytes(expectedStringToSign)));
        Assert.True(message.Request.Headers.TryGetValue("Authorization", out var authorization));
        Assert.Equal($"SharedKey myaccount:{expectedSignature}", authorization);
    }

    private static Request CreateRequest(RequestMethod method, string uri)
    {
        Request request = s_pipeline.CreateRequest();
        request.Method = method;
        request.Uri.Reset(new Uri(uri));
        return request;
    }

    private sealed class TestClientOptions : ClientOptions;
}
