using System.Net;
using System.Net.Sockets;

namespace OrleansGenres.Testing;

/// <summary>Ports nobody listens on right now (the OS picks them), for servers started by tests.</summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        // Hold every listener until all are chosen, so the OS cannot hand out the same port twice.
        var listeners = new List<TcpListener>(count);
        try
        {
            for (int i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (TcpListener listener in listeners)
            {
                listener.Stop();
            }
        }
    }

    public static async Task<bool> AnswersAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port, ct).ConfigureAwait(false);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
