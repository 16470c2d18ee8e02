namespace HealthItFunctions.Core.Mail;

public sealed record SendAttempts(bool Sent, int Attempts, string? LastError);

/// <summary>
/// Sends with Mail:MaxAttempts attempts and growing waits (Mail:RetryDelay ×5 each time) on the injected clock, so
/// a mail server that is briefly unavailable (451, a dropped connection) costs a delay, not the mail.
/// </summary>
public static class MailRetry
{
    /// <param name="onFailure">Called after each failed attempt with its number and error, e.g. to record it.</param>
    public static async Task<SendAttempts> SendAsync(
        IMailer mailer,
        OutgoingMail mail,
        MailOptions options,
        TimeProvider clock,
        Func<int, Exception, Task> onFailure,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await mailer.SendAsync(mail, cancellationToken);
                return new SendAttempts(true, attempt, null);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await onFailure(attempt, e);
                if (attempt >= options.MaxAttempts)
                {
                    return new SendAttempts(false, attempt, e.Message);
                }

                await Task.Delay(options.RetryDelayAfter(attempt), clock, cancellationToken);
            }
        }
    }
}
