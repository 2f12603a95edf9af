import { createHmac } from "node:crypto";
import type { RobotAdapter } from "./robot";

/**
 * DingTalk custom robot 加签: base64(HMAC-SHA256(key = secret, data = timestamp + "\n" + secret)),
 * timestamp in milliseconds. The result still has to be URL-encoded into the query.
 */
export function signDingTalk(secret: string, timestampMs: number): string {
  return createHmac("sha256", secret).update(`${timestampMs}\n${secret}`, "utf8").digest("base64");
}

/** 130101: more than 20 messages a minute; -1: 系统繁忙. Both pass if sent again later. */
const RETRYABLE_CODES = new Set([130101, -1]);

export const dingTalk: RobotAdapter = {
  request({ webhookUrl, secret, text, mentions, nowMs }) {
    const url = new URL(webhookUrl);
    if (secret) {
      // searchParams percent-encodes "+", "/" and "=" of the base64 sign, as DingTalk requires.
      url.searchParams.set("timestamp", String(nowMs));
      url.searchParams.set("sign", signDingTalk(secret, nowMs));
    }
    // DingTalk highlights an @-mention only where "@phone" appears in the text.
    const content = mentions.length > 0 ? `${text}\n${mentions.map((m) => `@${m}`).join(" ")}` : text;
    return {
      url: url.toString(),
      body: { msgtype: "text", text: { content }, at: { atMobiles: mentions, isAtAll: false } },
    };
  },
  verdict(answer) {
    const code = typeof answer === "object" && answer !== null && "errcode" in answer ? answer.errcode : undefined;
    if (code === 0) return "ok";
    return typeof code === "number" && RETRYABLE_CODES.has(code) ? "retry" : "fail";
  },
};
