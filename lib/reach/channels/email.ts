import "server-only";
import { createHash } from "node:crypto";
import nodemailer from "nodemailer";
import type { OutboundMessage, SendResult } from "../channel";

export interface EmailSenderConfig {
  /** e.g. smtps://user:pass@smtp.example.cn:465 or smtp://127.0.0.1:2525; query parameters override the options below. */
  smtpUrl: string;
  /** The From header, e.g. `Duban 督办 <noreply@example.cn>`. */
  from: string;
  /** Connection, greeting and idle-socket limit each; a stalled server must not hold a worker for minutes. */
  timeoutMs?: number;
}

export type EmailSender = (address: string, message: OutboundMessage) => Promise<SendResult>;

/** Errors nodemailer raises before or without an SMTP reply that sending again cannot fix. */
const PERMANENT_ERROR_CODES = new Set(["EENVELOPE", "EMESSAGE"]);

/**
 * A Message-ID from the idempotency key, so a resent message carries the same
 * id and a receiving mail system can drop the replay. Keys that are not a
 * valid dot-atom are hashed rather than mangled, to stay unique.
 */
export function messageIdFor(idempotencyKey: string): string {
  const local = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/.test(idempotencyKey)
    ? idempotencyKey
    : createHash("sha256").update(idempotencyKey).digest("base64url");
  return `<${local}@duban>`;
}

function errorField(err: unknown, name: "responseCode" | "code"): unknown {
  return typeof err === "object" && err !== null && name in err ? (err as Record<string, unknown>)[name] : undefined;
}

/** SMTP 4xx and connection trouble pass later; 5xx (550 unknown user…) and bad addresses do not. */
function failureOf(err: unknown): SendResult {
  const response = err instanceof Error ? err.message : String(err);
  const responseCode = errorField(err, "responseCode");
  if (typeof responseCode === "number") return { ok: false, retryable: responseCode < 500, response };
  const code = errorField(err, "code");
  return { ok: false, retryable: !(typeof code === "string" && PERMANENT_ERROR_CODES.has(code)), response };
}

export function createEmailSender({ smtpUrl, from, timeoutMs = 10_000 }: EmailSenderConfig): EmailSender {
  // A morning's reminders are thousands of e-mails: reuse a few connections instead of one per message.
  const transport = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 4,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return async (address, message) => {
    try {
      const info = await transport.sendMail({
        from,
        to: address,
        subject: message.subject,
        text: message.link ? `${message.body}\n\n${message.link}` : message.body,
        messageId: messageIdFor(message.idempotencyKey),
        // Asks vacation responders not to answer a notification nobody reads replies to.
        headers: { "Auto-Submitted": "auto-generated" },
        // The message is plain text from Duban; never let it make nodemailer read files or URLs.
        disableFileAccess: true,
        disableUrlAccess: true,
      });
      return { ok: true, response: String(info.response) };
    } catch (err) {
      return failureOf(err);
    }
  };
}
