import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A loopback HTTP server that answers like the three group-robot providers,
 * for unit tests and the e2e specs (so: no test-runner imports here). It checks
 * signatures with its own code, written from the providers' documentation,
 * so a mistake in Duban's signing is not mirrored here.
 *
 *   DingTalk  POST /robot/send?access_token=…[&timestamp=ms&sign=…]
 *   WeCom     POST /cgi-bin/webhook/send?key=…
 *   Feishu    POST /open-apis/bot/v2/hook/<id>
 */
export type RobotProvider = "dingtalk" | "wecom" | "feishu";

export interface ReceivedRobotMessage {
  provider: RobotProvider;
  content: string;
  /** Phones @-mentioned (DingTalk atMobiles, WeCom mentioned_mobile_list). */
  mentions: string[];
  /** When the receiver accepted it. */
  at: Date;
}

export interface RobotReceiverOptions {
  /** A fixed loopback port (the e2e server is told it in advance); default any free port. */
  port?: number;
  /** Signature secrets the receiver demands; null or absent: unsigned requests are accepted. */
  secrets?: Partial<Record<"dingtalk" | "feishu", string | null>>;
}

export interface RobotReceiver {
  /** http://127.0.0.1:PORT */
  url: string;
  /** 127.0.0.1:PORT, for ROBOT_ALLOWED_HOSTS. */
  host: string;
  received: ReceivedRobotMessage[];
  /** Every request that reached the server, accepted or not. */
  readonly requestCount: number;
  /** A webhook URL of the provider's shape pointing here. */
  webhookUrl(provider: RobotProvider, token?: string): string;
  setSecret(provider: "dingtalk" | "feishu", secret: string | null): void;
  /** The next N requests get this HTTP status (default 500) and no JSON. */
  failNext(count: number, status?: number): void;
  /** The next N requests get this JSON with HTTP 200, e.g. a provider's rate-limit answer. */
  answerNext(count: number, answer: object): void;
  /** While on, requests are never answered (for timeout tests). */
  hang(on?: boolean): void;
  waitFor(predicate: (message: ReceivedRobotMessage) => boolean, timeoutMs?: number): Promise<ReceivedRobotMessage>;
  close(): Promise<void>;
}

const ONE_HOUR_MS = 60 * 60 * 1000;

type Json = Record<string, unknown>;
type Verdict = { answer: Json; message?: Omit<ReceivedRobotMessage, "at"> };

function record(value: unknown): Json | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

const DINGTALK_SIGN_MISMATCH = { errcode: 310000, errmsg: "sign not match" };

function dingTalk(url: URL, body: Json, secret: string | null): Verdict {
  if (!url.searchParams.get("access_token")) return { answer: { errcode: 300001, errmsg: "token is not exist" } };
  if (secret) {
    const timestamp = url.searchParams.get("timestamp") ?? "";
    // searchParams hands back the URL-decoded sign, as DingTalk compares it.
    const sign = url.searchParams.get("sign") ?? "";
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp)) > ONE_HOUR_MS) return { answer: DINGTALK_SIGN_MISMATCH };
    const expected = createHmac("sha256", secret).update(`${timestamp}\n${secret}`).digest("base64");
    if (sign !== expected) return { answer: DINGTALK_SIGN_MISMATCH };
  }
  const content = record(body.text)?.content;
  if (body.msgtype !== "text" || typeof content !== "string") return { answer: { errcode: 40035, errmsg: "缺少参数 json" } };
  return {
    answer: { errcode: 0, errmsg: "ok" },
    message: { provider: "dingtalk", content, mentions: strings(record(body.at)?.atMobiles) },
  };
}

function weCom(url: URL, body: Json): Verdict {
  if (!url.searchParams.get("key")) return { answer: { errcode: 93000, errmsg: "invalid webhook url" } };
  const text = record(body.text);
  if (body.msgtype !== "text" || typeof text?.content !== "string") return { answer: { errcode: 40008, errmsg: "invalid message type" } };
  return {
    answer: { errcode: 0, errmsg: "ok" },
    message: { provider: "wecom", content: text.content, mentions: strings(text.mentioned_mobile_list) },
  };
}

const FEISHU_SIGN_MISMATCH = { code: 19021, msg: "sign match fail or timestamp is not within one hour from current time" };

function feishu(body: Json, secret: string | null): Verdict {
  if (secret) {
    const timestamp = typeof body.timestamp === "string" ? body.timestamp : "";
    if (!/^\d+$/.test(timestamp) || Math.abs(Date.now() - Number(timestamp) * 1000) > ONE_HOUR_MS) return { answer: FEISHU_SIGN_MISMATCH };
    const expected = createHmac("sha256", `${timestamp}\n${secret}`).update("").digest("base64");
    if (body.sign !== expected) return { answer: FEISHU_SIGN_MISMATCH };
  }
  const text = record(body.content)?.text;
  if (body.msg_type !== "text" || typeof text !== "string") return { answer: { code: 9499, msg: "Bad Request" } };
  return {
    answer: { StatusCode: 0, StatusMessage: "success", code: 0, data: {}, msg: "success" },
    message: { provider: "feishu", content: text, mentions: [] },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function sendJson(res: ServerResponse, status: number, answer: object): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify(answer));
}

export async function startRobotReceiver(options: RobotReceiverOptions = {}): Promise<RobotReceiver> {
  const received: ReceivedRobotMessage[] = [];
  const secrets = { dingtalk: options.secrets?.dingtalk ?? null, feishu: options.secrets?.feishu ?? null };
  let requestCount = 0;
  let hanging = false;
  let failures = { count: 0, status: 500 };
  let canned = { count: 0, answer: {} as object };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    requestCount += 1;
    // Left open on purpose; close() destroys the socket.
    if (hanging) return;
    const raw = await readBody(req);
    if (failures.count > 0) {
      failures.count -= 1;
      res.writeHead(failures.status, { "content-type": "text/plain" });
      res.end("Internal Server Error");
      return;
    }
    if (canned.count > 0) {
      canned.count -= 1;
      return sendJson(res, 200, canned.answer);
    }
    if (req.method !== "POST") return sendJson(res, 405, { error: "method not allowed" });
    let body: Json | null;
    try {
      body = record(JSON.parse(raw));
    } catch {
      body = null;
    }
    if (!body) return sendJson(res, 400, { error: "body is not a JSON object" });

    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let verdict: Verdict;
    if (url.pathname === "/robot/send") verdict = dingTalk(url, body, secrets.dingtalk);
    else if (url.pathname === "/cgi-bin/webhook/send") verdict = weCom(url, body);
    else if (/^\/open-apis\/bot\/v2\/hook\/[\w-]+$/.test(url.pathname)) verdict = feishu(body, secrets.feishu);
    else return sendJson(res, 404, { error: "not found" });

    if (verdict.message) received.push({ ...verdict.message, at: new Date() });
    sendJson(res, 200, verdict.answer);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: "receiver failed" });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    host: `127.0.0.1:${port}`,
    received,
    get requestCount() {
      return requestCount;
    },
    webhookUrl(provider, token = "test-token") {
      if (provider === "dingtalk") return `${url}/robot/send?access_token=${encodeURIComponent(token)}`;
      if (provider === "wecom") return `${url}/cgi-bin/webhook/send?key=${encodeURIComponent(token)}`;
      return `${url}/open-apis/bot/v2/hook/${encodeURIComponent(token)}`;
    },
    setSecret(provider, secret) {
      secrets[provider] = secret;
    },
    failNext(count, status = 500) {
      failures = { count, status };
    },
    answerNext(count, answer) {
      canned = { count, answer };
    },
    hang(on = true) {
      hanging = on;
    },
    async waitFor(predicate, timeoutMs = 5_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received.find(predicate);
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`No robot message matched within ${timeoutMs} ms (${received.length} received)`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close() {
      // Hung requests and keep-alive sockets would otherwise hold close() open.
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
