using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace HealthItFunctions.Infrastructure.Http;

/// <summary>
/// Keeps fetches off internal networks: every address we connect to is checked after DNS resolution
/// (a public-looking name can resolve to 10.0.0.1), through <see cref="SocketsHttpHandler.ConnectCallback"/>.
/// </summary>
internal sealed class SsrfGuard(IOptions<PollingOptions> options)
{
    private static readonly IPAddress Metadata = IPAddress.Parse("169.254.169.254");

    private static readonly (IPNetwork Network, string Kind)[] Forbidden =
    [
        (IPNetwork.Parse("0.0.0.0/8"), "a 'this network' address"),
        (IPNetwork.Parse("127.0.0.0/8"), "a loopback address"),
        (IPNetwork.Parse("10.0.0.0/8"), "a private address"),
        (IPNetwork.Parse("172.16.0.0/12"), "a private address"),
        (IPNetwork.Parse("192.168.0.0/16"), "a private address"),
        (IPNetwork.Parse("169.254.0.0/16"), "a link-local address"),
        (IPNetwork.Parse("100.64.0.0/10"), "a carrier-grade NAT address"),
        (IPNetwork.Parse("192.0.0.0/24"), "an IETF protocol address"),
        (IPNetwork.Parse("198.18.0.0/15"), "a benchmarking address"),
        (IPNetwork.Parse("224.0.0.0/4"), "a multicast address"),
        (IPNetwork.Parse("240.0.0.0/4"), "a reserved address"),
        (IPNetwork.Parse("::/128"), "the unspecified address"),
        (IPNetwork.Parse("::1/128"), "a loopback address"),
        (IPNetwork.Parse("fc00::/7"), "a unique-local (private) address"),
        (IPNetwork.Parse("fe80::/10"), "a link-local address"),
        (IPNetwork.Parse("fec0::/10"), "a site-local address"),
        (IPNetwork.Parse("ff00::/8"), "a multicast address"),
    ];

    /// <summary>Why an address is off limits, or null for a public address.</summary>
    public static string? Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.Equals(Metadata))
        {
            return "the cloud metadata address";
        }

        foreach (var (network, kind) in Forbidden)
        {
            if (network.Contains(address))
            {
                return kind;
            }
        }

        return null;
    }

    /// <summary>Refusal reason for a URL whose host is an IP literal, before any network traffic; null otherwise.</summary>
    public string? CheckLiteral(Uri url)
    {
        if (IsMapped(url.IdnHost, out _) || !IPAddress.TryParse(url.IdnHost, out var address))
        {
            return null;
        }

        return Refusal(url.IdnHost, address);
    }

    public bool IsMapped(string host, out IPEndPoint target)
    {
        target = null!;
        return options.Value.HostMap.TryGetValue(host, out var value) && PollingOptions.TryParseMapTarget(value, out target);
    }

    /// <summary>Resolves and checks the endpoint a connection is about to be made to.</summary>
    public async Task<IReadOnlyList<IPEndPoint>> ResolveAsync(string host, int port, CancellationToken cancellationToken)
    {
        if (IsMapped(host, out var mapped))
        {
            return [mapped];
        }

        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = new List<IPEndPoint>();
        string? refusal = null;
        foreach (var address in addresses)
        {
            var reason = Refusal(host, address);
            if (reason is null)
            {
                allowed.Add(new IPEndPoint(address, port));
            }
            else
            {
                refusal ??= reason;
            }
        }

        // A name with a mix of public and private addresses is reached through the public ones only.
        return allowed.Count > 0
            ? allowed
            : throw new SsrfRefusedException(refusal ?? $"{host} did not resolve to any address");
    }

    /// <summary>The SocketsHttpHandler.ConnectCallback: connect only to checked addresses.</summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoints = await ResolveAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
        SocketException? last = null;
        foreach (var endpoint in endpoints)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(endpoint, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private string? Refusal(string host, IPAddress address)
    {
        var kind = Classify(address);
        if (kind is null)
        {
            return null;
        }

        var settings = options.Value;
        var metadata = (address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address).Equals(Metadata);
        var allowListed = settings.AllowedPrivateHosts.Contains(host, StringComparer.OrdinalIgnoreCase) ||
                          (settings.AllowLoopback && IPAddress.IsLoopback(address));
        return allowListed && !metadata
            ? null
            : $"{host} resolves to {address}, {kind}; refused by the SSRF guard " +
              $"(allow it through {PollingOptions.Section}:AllowedPrivateHosts only if it is yours)";
    }
}

/// <summary>A connection the SSRF guard refused. Not transient: retrying won't help.</summary>
internal sealed class SsrfRefusedException(string reason) : Exception(reason);
