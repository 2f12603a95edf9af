import { createHmac } from "node:crypto";
import type { RobotAdapter } from "./robot";

/**
 * Feishu / Lark custom bot signature: base64(HMAC-SHA256(key = timestamp + "\n" + secret,
 * data = "")), timestamp in seconds. The secret goes into the key, not the data.
 */
export function signFeishu(secret: string, timestampSeconds: number): string {
  return createHmac("sha256", `${timestampSeconds}\n${secret}`).update("").digest("base64");
}

/**
 * 9499 and 11232: Feishu's rate limits for bots; they pass if sent again later.
 * Feishu also answers 9499 to a malformed request, which then costs a few
 * bounded retries; dropping a rate-limited message would cost more.
 */
const RETRYABLE_CODES = new Set([9499, 11232]);

function codeOf(answer: unknown): unknown {
  if (typeof answer !== "object" || answer === null) return undefined;
  if ("code" in answer) return answer.code;
  // Older answers carry only StatusCode.
  return "StatusCode" in answer ? answer.StatusCode : undefined;
}

/**
 * Feishu cannot @-mention by phone number (it needs open_ids), so mentions are
 * left out rather than printed as phone numbers into the group.
 */
export const feishu: RobotAdapter = {
  request({ webhookUrl, secret, text, nowMs }) {
    const timestamp = Math.floor(nowMs / 1000);
    const signature = secret ? { timestamp: String(timestamp), sign: signFeishu(secret, timestamp) } : {};
    return { url: webhookUrl, body: { ...signature, msg_type: "text", content: { text } } };
  },
  verdict(answer) {
    const code = codeOf(answer);
    if (code === 0) return "ok";
    return typeof code === "number" && RETRYABLE_CODES.has(code) ? "retry" : "fail";
  },
};
