import "server-only";
import type { OutboundMessage, RobotKind, RobotTarget, SendResult } from "../channel";
import { dingTalk } from "./dingtalk";
import { feishu } from "./feishu";
import { weCom } from "./wecom";

/** What an adapter is given: the text is already composed, the time injected so signatures are testable. */
export interface RobotRequestInput {
  webhookUrl: string;
  secret: string | null;
  text: string;
  mentions: string[];
  nowMs: number;
}

/** One provider: how to build its request, and how to read its JSON answer. */
export interface RobotAdapter {
  request(input: RobotRequestInput): { url: string; body: unknown };
  verdict(answer: unknown): "ok" | "retry" | "fail";
}

const ADAPTERS: Record<RobotKind, RobotAdapter> = { dingtalk: dingTalk, wecom: weCom, feishu };

/** The providers' official webhook hosts; anything else needs ROBOT_ALLOWED_HOSTS. */
export const DEFAULT_ROBOT_HOSTS: readonly string[] = ["oapi.dingtalk.com", "qyapi.weixin.qq.com", "open.feishu.cn", "open.larksuite.com"];

export const DEFAULT_ROBOT_TIMEOUT_MS = 10_000;

/** Answers are kept in the delivery log; a whole HTML error page is not useful there. */
const RESPONSE_LIMIT = 500;

export interface RobotSendOptions {
  /** Entries `host` (the scheme's default port only) or `host:port`; default allowedRobotHosts(process.env). */
  allowedHosts?: readonly string[];
  timeoutMs?: number;
  now?: () => number;
}

/**
 * ROBOT_ALLOWED_HOSTS (comma-separated `host` or `host:port`) replaces the
 * default list, so a deployment can also narrow it; unset or empty keeps it.
 */
export function allowedRobotHosts(env: Record<string, string | undefined> = process.env): string[] {
  const entries = (env.ROBOT_ALLOWED_HOSTS ?? "")
    .split(",")
    .map((entry) => entry.trim().toLowerCase())
    .filter((entry) => entry !== "");
  return entries.length > 0 ? entries : [...DEFAULT_ROBOT_HOSTS];
}

function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

function hostAllowed(url: URL, allowedHosts: readonly string[]): boolean {
  return allowedHosts.some((entry) => {
    try {
      // Parsed with the target's scheme, an entry without a port means that scheme's default port.
      const allowed = new URL(`${url.protocol}//${entry}`);
      return allowed.hostname === url.hostname && allowed.port === url.port;
    } catch {
      return false;
    }
  });
}

const SHAPES: Record<RobotKind, { matches(url: URL): boolean; example: string }> = {
  dingtalk: {
    matches: (url) => url.pathname.endsWith("/robot/send") && Boolean(url.searchParams.get("access_token")),
    example: "钉钉机器人地址应形如 https://oapi.dingtalk.com/robot/send?access_token=…",
  },
  wecom: {
    matches: (url) => url.pathname.endsWith("/cgi-bin/webhook/send") && Boolean(url.searchParams.get("key")),
    example: "企业微信机器人地址应形如 https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…",
  },
  feishu: {
    matches: (url) => /\/open-apis\/bot\/v2\/hook\/[\w-]+$/.test(url.pathname),
    example: "飞书机器人地址应形如 https://open.feishu.cn/open-apis/bot/v2/hook/…",
  },
};

/**
 * Checks a webhook URL as the settings form takes it: null when fine, else
 * what is wrong, in Chinese. With `allowedHosts` it also checks the host
 * against the list sendToRobot will enforce.
 */
export function validateWebhookUrl(kind: RobotKind, webhookUrl: string, allowedHosts?: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(webhookUrl.trim());
  } catch {
    return "机器人地址不是有效的网址";
  }
  if (url.username || url.password) return "机器人地址不能包含用户名或密码";
  // Plain http only reaches this machine (the tests' fake providers); real webhooks are https.
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopback(url.hostname))) {
    return "机器人地址必须以 https:// 开头";
  }
  if (!SHAPES[kind].matches(url)) return SHAPES[kind].example;
  if (allowedHosts && !hostAllowed(url, allowedHosts)) {
    return `主机 ${url.host} 不在允许的机器人主机列表中（ROBOT_ALLOWED_HOSTS）`;
  }
  return null;
}

/** Subject on the first line, then the body, then the link, as group members read it. */
export function robotText(message: OutboundMessage): string {
  return [message.subject, message.body, message.link ?? ""]
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .join("\n");
}

function describeError(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  // fetch reports every network failure as "fetch failed"; the cause says which (ECONNREFUSED, ENOTFOUND…).
  const cause = err.cause instanceof Error ? err.cause.message : null;
  return cause ? `${err.message}: ${cause}` : err.message;
}

/**
 * Sends one message to one group robot. Refuses, without any request, URLs that
 * are malformed or whose host is not allow-listed, so an admin cannot make the
 * server POST to an arbitrary address.
 */
export async function sendToRobot(target: RobotTarget, message: OutboundMessage, options: RobotSendOptions = {}): Promise<SendResult> {
  const allowedHosts = options.allowedHosts ?? allowedRobotHosts();
  const refusal = validateWebhookUrl(target.kind, target.webhookUrl, allowedHosts);
  if (refusal) return { ok: false, retryable: false, response: `拒绝发送：${refusal}` };

  const adapter = ADAPTERS[target.kind];
  const request = adapter.request({
    webhookUrl: target.webhookUrl.trim(),
    // A pasted secret often carries a trailing space or newline, which would break every signature.
    secret: target.secret?.trim() || null,
    text: robotText(message),
    mentions: message.mentions,
    nowMs: (options.now ?? Date.now)(),
  });

  const timeoutMs = options.timeoutMs ?? DEFAULT_ROBOT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  let status: number;
  let text: string;
  try {
    const res = await fetch(request.url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(request.body),
      // A redirect could lead off the allow-list; the providers never redirect.
      redirect: "manual",
      signal: controller.signal,
    });
    status = res.status;
    // Reading the body stays under the same timer: a provider that sends headers and stalls is a timeout too.
    text = await res.text();
  } catch (err) {
    if (controller.signal.aborted) return { ok: false, retryable: true, response: `超时：${timeoutMs} 毫秒内没有应答` };
    return { ok: false, retryable: true, response: describeError(err) };
  } finally {
    clearTimeout(timer);
  }

  const response = `HTTP ${status} ${text.slice(0, RESPONSE_LIMIT)}`.trim();
  if (status === 429 || status >= 500) return { ok: false, retryable: true, response };
  if (status < 200 || status >= 300) return { ok: false, retryable: false, response };

  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    // Providers always answer JSON; anything else means the URL points at something that is not one.
    return { ok: false, retryable: false, response };
  }
  const verdict = adapter.verdict(answer);
  return verdict === "ok" ? { ok: true, response } : { ok: false, retryable: verdict === "retry", response };
}
