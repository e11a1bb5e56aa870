using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace VibeCrm.E2E.Infrastructure;

/// <summary>An in-process SMTP server on a free local port that keeps every message it receives.</summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    public SmtpSink()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CollectingStore(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public IReadOnlyCollection<MimeMessage> Messages => _messages;

    /// <summary>Waits for a message to <paramref name="to"/>, optionally one whose text body contains <paramref name="textContains"/>.</summary>
    public async Task<MimeMessage> WaitForMessageAsync(string to, string? textContains = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (DateTime.UtcNow < deadline)
        {
            var found = _messages.LastOrDefault(m =>
                m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))
                && (textContains is null || (m.TextBody ?? "").Contains(textContains, StringComparison.Ordinal)));
            if (found is not null)
            {
                return found;
            }

            await Task.Delay(100);
        }

        var seen = string.Join(", ", _messages.Select(m => $"{m.To} «{m.Subject}»"));
        throw new TimeoutException($"No email to {to} arrived. Received so far: [{seen}]");
    }

    /// <summary>The first http(s) link in the text part of <paramref name="message"/> whose path contains <paramref name="pathPart"/>.</summary>
    public static Uri LinkIn(MimeMessage message, string pathPart)
    {
        var text = message.TextBody ?? throw new InvalidOperationException($"The email «{message.Subject}» has no text part.");
        var link = text.Split((char[])[' ', '\n', '\r', '\t', '<', '>', '"'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || w.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault(w => w.Contains(pathPart, StringComparison.OrdinalIgnoreCase));
        return link is null
            ? throw new InvalidOperationException($"No link containing '{pathPart}' in the text of «{message.Subject}»:\n{text}")
            : new Uri(link);
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }
        catch (TimeoutException)
        {
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class CollectingStore(SmtpSink sink) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            sink._messages.Enqueue(message);
            return SmtpResponse.Ok;
        }
    }
}
