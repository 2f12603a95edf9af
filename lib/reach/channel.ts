/**
 * What every outside channel implements: one message to one target, and an
 * honest answer the delivery log keeps. Adapters live in lib/reach/channels/.
 */
export interface OutboundMessage {
  /** Unique per message; e-mail uses it as Message-ID so a receiver can drop a replay. */
  idempotencyKey: string;
  subject: string;
  /** Short Chinese text; never secrets or evidence contents. */
  body: string;
  /** Absolute deep link into Duban, or null. */
  link: string | null;
  /** Phone numbers a robot message @-mentions (DingTalk atMobiles, WeCom mentioned_mobile_list). */
  mentions: string[];
}

export type RobotKind = "dingtalk" | "wecom" | "feishu";

export interface RobotTarget {
  kind: RobotKind;
  webhookUrl: string;
  secret: string | null;
}

/** `response` is the provider's answer (or the error) as the admin's delivery log shows it. */
export type SendResult = { ok: true; response: string } | { ok: false; retryable: boolean; response: string };

export interface Channels {
  email(address: string, message: OutboundMessage): Promise<SendResult>;
  robot(target: RobotTarget, message: OutboundMessage): Promise<SendResult>;
}
