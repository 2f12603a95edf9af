import "server-only";
import type { Channels, SendResult } from "../channel";
import { createEmailSender } from "./email";
import { allowedRobotHosts, sendToRobot } from "./robot";

export const DEFAULT_MAIL_FROM = "Duban 督办 <noreply@localhost>";

const EMAIL_NOT_CONFIGURED: SendResult = { ok: false, retryable: false, response: "未配置邮件服务器（SMTP_URL）" };

/**
 * The outside channels from the environment: SMTP_URL and MAIL_FROM for
 * e-mail, ROBOT_ALLOWED_HOSTS for the group robots. Read once, so a worker
 * builds this at start and reuses it.
 */
export function createChannels(env: Record<string, string | undefined> = process.env): Channels {
  const smtpUrl = env.SMTP_URL?.trim();
  const email = smtpUrl
    ? createEmailSender({ smtpUrl, from: env.MAIL_FROM?.trim() || DEFAULT_MAIL_FROM })
    : async () => EMAIL_NOT_CONFIGURED;
  const allowedHosts = allowedRobotHosts(env);
  return {
    email,
    robot: (target, message) => sendToRobot(target, message, { allowedHosts }),
  };
}
