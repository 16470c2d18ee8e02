using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HealthItFunctions.Local;

public static class FreePorts
{
    /// <summary>
    /// Asks the OS for distinct free loopback ports. They are released before use, so a caller
    /// that races another process for them must be ready to retry.
    /// </summary>
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners)
            {
                listener.Start();
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    public static async Task WaitUntilListeningAsync(int port, TimeSpan timeout, Func<bool> hasExited, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException) when (clock.Elapsed < timeout && !hasExited())
            {
                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
