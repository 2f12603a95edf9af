/**
 * A robot's webhook URL carries its token (access_token, key, the hook id):
 * pages and the audit trail show only the host and the last four characters.
 */
export function maskWebhookUrl(webhookUrl: string): string {
  const trimmed = webhookUrl.trim();
  const tail = trimmed.slice(-4);
  try {
    return `${new URL(trimmed).host}/…${tail}`;
  } catch {
    return `…${tail}`;
  }
}
