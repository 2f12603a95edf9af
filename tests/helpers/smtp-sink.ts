import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on loopback that keeps what it receives, for unit tests
 * and the e2e specs (so: no test-runner imports here). Parses just enough MIME
 * to read what nodemailer sends: RFC 2047 subjects, base64 or
 * quoted-printable text, multipart bodies.
 */
export interface ReceivedMail {
  /** Envelope sender and recipients, as the SMTP session gave them. */
  from: string;
  to: string[];
  raw: string;
  subject: string;
  messageId: string;
  /** The first text/plain part, decoded, with \n line ends. */
  text: string;
}

export interface SmtpSinkOptions {
  /** A fixed loopback port (the e2e server is told it in advance); default any free port. */
  port?: number;
  /** Recipients matching this are refused with 550 at RCPT TO. */
  rejectRecipients?: RegExp | null;
  /** The next N messages are refused with 451 after DATA. */
  failNext?: number;
}

export interface SmtpSink {
  /** smtp://127.0.0.1:PORT, for SMTP_URL. */
  url: string;
  messages: ReceivedMail[];
  rejectRecipients(pattern: RegExp | null): void;
  failNext(count: number): void;
  waitFor(predicate: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** Header lines unfolded, names lower-cased; the first occurrence wins. */
function parseHeaders(head: string): Map<string, string> {
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return headers;
}

function splitEntity(entity: string): { headers: Map<string, string>; body: string } {
  const match = /\r?\n\r?\n/.exec(entity);
  if (!match) return { headers: parseHeaders(entity), body: "" };
  return { headers: parseHeaders(entity.slice(0, match.index)), body: entity.slice(match.index + match[0].length) };
}

function parameter(headerValue: string, name: string): string | null {
  const match = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, "i").exec(headerValue);
  return match ? (match[1] ?? match[2] ?? null) : null;
}

/** Quoted-printable to bytes; the input is a latin1 string (one char per byte). */
function quotedPrintableBytes(text: string): Buffer {
  const unsoft = text.replace(/=\r?\n/g, "");
  return Buffer.from(unsoft.replace(/=([0-9A-Fa-f]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1");
}

function bufferToString(bytes: Buffer, charset: string | null): string {
  return /^(iso-8859-1|latin1|us-ascii)$/i.test(charset ?? "") ? bytes.toString("latin1") : bytes.toString("utf8");
}

/**
 * RFC 2047 encoded words. Adjacent words are joined before decoding: the
 * whitespace between them is not text, and a splitter may cut between bytes.
 */
export function decodeEncodedWords(value: string): string {
  const word = /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g;
  const joined = value.replace(/(\?=)\s+(?==\?)/g, "$1");
  return joined.replace(/(?:=\?[^?]+\?[BbQq]\?[^?]*\?=)+/g, (run) => {
    const parts: Buffer[] = [];
    let charset: string | null = null;
    for (const [, cs = "utf-8", encoding = "B", data = ""] of run.matchAll(word)) {
      charset = cs;
      parts.push(encoding.toUpperCase() === "B" ? Buffer.from(data, "base64") : quotedPrintableBytes(data.replace(/_/g, " ")));
    }
    return bufferToString(Buffer.concat(parts), charset);
  });
}

/** The text of an entity (latin1 string): its own body, or the first text part of a multipart. */
function textOf(entity: string): string | null {
  const { headers, body } = splitEntity(entity);
  const type = headers.get("content-type") ?? "text/plain";
  if (/^multipart\//i.test(type)) {
    const boundary = parameter(type, "boundary");
    if (!boundary) return null;
    for (const part of body.split(`--${boundary}`).slice(1)) {
      if (part.startsWith("--")) break;
      const text = textOf(part.replace(/^\r?\n/, ""));
      if (text !== null) return text;
    }
    return null;
  }
  if (!/^text\/plain/i.test(type)) return null;
  const encoding = (headers.get("content-transfer-encoding") ?? "7bit").toLowerCase();
  const bytes =
    encoding === "base64"
      ? Buffer.from(body.replace(/\s+/g, ""), "base64")
      : encoding === "quoted-printable"
        ? quotedPrintableBytes(body)
        : Buffer.from(body, "latin1");
  return bufferToString(bytes, parameter(type, "charset")).replace(/\r\n/g, "\n");
}

export function parseMail(raw: Buffer): Pick<ReceivedMail, "subject" | "messageId" | "text"> {
  // latin1 keeps one char per byte, so decoding happens once per part with its own charset.
  const entity = raw.toString("latin1");
  const { headers } = splitEntity(entity);
  const header = (name: string) => Buffer.from(headers.get(name) ?? "", "latin1").toString("utf8");
  return {
    subject: decodeEncodedWords(header("subject")),
    messageId: header("message-id"),
    text: textOf(entity) ?? "",
  };
}

async function waitUntil<T>(items: T[], predicate: (item: T) => boolean, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = items.find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`No ${what} matched within ${timeoutMs} ms (${items.length} received)`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const messages: ReceivedMail[] = [];
  let rejectPattern = options.rejectRecipients ?? null;
  let failures = options.failNext ?? 0;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (rejectPattern?.test(address.address)) {
        return callback(smtpError(550, `5.1.1 <${address.address}>: Recipient address rejected: User unknown`));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        if (failures > 0) {
          failures -= 1;
          return callback(smtpError(451, "4.3.0 Temporary failure, try again later"));
        }
        const raw = Buffer.concat(chunks);
        const mailFrom = session.envelope.mailFrom;
        messages.push({
          from: mailFrom ? mailFrom.address : "",
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
          raw: raw.toString("utf8"),
          ...parseMail(raw),
        });
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    rejectRecipients(pattern) {
      rejectPattern = pattern;
    },
    failNext(count) {
      failures = count;
    },
    waitFor: (predicate, timeoutMs = 5_000) => waitUntil(messages, predicate, timeoutMs, "e-mail"),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
