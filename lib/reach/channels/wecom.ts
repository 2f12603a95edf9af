import type { RobotAdapter } from "./robot";

/** 45009: the group robot's 20-a-minute limit; -1: 系统繁忙. Both pass if sent again later. */
const RETRYABLE_CODES = new Set([45009, -1]);

/** WeCom group robot: the `key` in the webhook URL is the only credential; there is no signature. */
export const weCom: RobotAdapter = {
  request({ webhookUrl, text, mentions }) {
    return {
      url: webhookUrl,
      body: { msgtype: "text", text: { content: text, mentioned_mobile_list: mentions } },
    };
  },
  verdict(answer) {
    const code = typeof answer === "object" && answer !== null && "errcode" in answer ? answer.errcode : undefined;
    if (code === 0) return "ok";
    return typeof code === "number" && RETRYABLE_CODES.has(code) ? "retry" : "fail";
  },
};
