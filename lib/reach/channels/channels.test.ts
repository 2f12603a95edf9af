import { afterEach, describe, expect, it } from "vitest";
import { freePort } from "@/tests/helpers/free-port";
import { startRobotReceiver, type RobotReceiver } from "@/tests/helpers/robot-receiver";
import { startSmtpSink, type SmtpSink } from "@/tests/helpers/smtp-sink";
import type { OutboundMessage, RobotKind } from "../channel";
import { signDingTalk } from "./dingtalk";
import { createEmailSender } from "./email";
import { signFeishu } from "./feishu";
import { createChannels } from "./index";
import { allowedRobotHosts, sendToRobot, validateWebhookUrl } from "./robot";

const message: OutboundMessage = {
  idempotencyKey: "k3yAbc_-123",
  subject: "【督办】燃气安全排查将于 3 天后到期",
  body: "请幸福村在 6 月 30 日前上传整改照片。",
  link: "http://localhost:3000/tasks/7f3c",
  mentions: ["13800138000"],
};

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length > 0) await closers.pop()?.();
});

async function sink(): Promise<SmtpSink> {
  const s = await startSmtpSink();
  closers.push(() => s.close());
  return s;
}

async function receiver(secrets?: { dingtalk?: string; feishu?: string }): Promise<RobotReceiver> {
  const r = await startRobotReceiver({ secrets });
  closers.push(() => r.close());
  return r;
}

describe("e-mail", () => {
  it("arrives with the recipient, the Chinese subject, the body and the link", async () => {
    const smtp = await sink();
    const send = createEmailSender({ smtpUrl: smtp.url, from: "Duban 督办 <noreply@duban.test>" });

    const result = await send("liaison@village.test", message);

    expect(result).toMatchObject({ ok: true, response: expect.stringMatching(/^250/) });
    const mail = await smtp.waitFor((m) => m.to.includes("liaison@village.test"));
    expect(mail.from).toBe("noreply@duban.test");
    expect(mail.subject).toBe(message.subject);
    expect(mail.text).toContain(message.body);
    expect(mail.text).toContain(message.link);
    expect(mail.messageId).toBe("<k3yAbc_-123@duban>");
  });

  it("arrives readable when the body is mostly ASCII (nodemailer then sends quoted-printable)", async () => {
    const smtp = await sink();
    const body = "Reminder 提醒: the inspection report is due soon, please upload it. ".repeat(4).trim();
    await createEmailSender({ smtpUrl: smtp.url, from: "noreply@duban.test" })("a@village.test", { ...message, body });

    const mail = await smtp.waitFor(() => true);
    expect(mail.raw).toContain("quoted-printable");
    expect(mail.text).toBe(`${body}\n\n${message.link}\n`);
  });

  it("reports a 550 unknown recipient as final", async () => {
    const smtp = await sink();
    smtp.rejectRecipients(/^nobody@/);
    const result = await createEmailSender({ smtpUrl: smtp.url, from: "noreply@duban.test" })("nobody@village.test", message);

    expect(result).toMatchObject({ ok: false, retryable: false, response: expect.stringContaining("550") });
    expect(smtp.messages).toHaveLength(0);
  });

  it("reports a 451 as worth retrying, and the retry gets through", async () => {
    const smtp = await sink();
    smtp.failNext(1);
    const send = createEmailSender({ smtpUrl: smtp.url, from: "noreply@duban.test" });

    expect(await send("liaison@village.test", message)).toMatchObject({ ok: false, retryable: true, response: expect.stringContaining("451") });
    expect(await send("liaison@village.test", message)).toMatchObject({ ok: true });
    expect(smtp.messages).toHaveLength(1);
  });

  it("reports an unreachable server as worth retrying", async () => {
    const port = await freePort();
    const result = await createEmailSender({ smtpUrl: `smtp://127.0.0.1:${port}`, from: "noreply@duban.test" })("a@village.test", message);
    expect(result).toMatchObject({ ok: false, retryable: true });
  });

  it("says e-mail is not configured when SMTP_URL is unset, and uses it when set", async () => {
    expect(await createChannels({}).email("a@village.test", message)).toEqual({
      ok: false,
      retryable: false,
      response: "未配置邮件服务器（SMTP_URL）",
    });

    const smtp = await sink();
    const channels = createChannels({ SMTP_URL: smtp.url });
    expect(await channels.email("a@village.test", message)).toMatchObject({ ok: true });
    const mail = await smtp.waitFor(() => true);
    expect(mail.raw).toMatch(/^From: .*<noreply@localhost>/m);
  });
});

describe("group robots", () => {
  const cases: { kind: RobotKind; secret: string | null; mentions: string[] }[] = [
    { kind: "dingtalk", secret: "SEC-dingtalk-secret", mentions: ["13800138000"] },
    { kind: "wecom", secret: null, mentions: ["13800138000"] },
    // Feishu cannot @-mention by phone.
    { kind: "feishu", secret: "feishu-secret", mentions: [] },
  ];

  for (const { kind, secret, mentions } of cases) {
    it(`${kind}: a signed request is accepted, with subject, body, link and mentions`, async () => {
      const robot = await receiver({ dingtalk: "SEC-dingtalk-secret", feishu: "feishu-secret" });
      const result = await sendToRobot({ kind, webhookUrl: robot.webhookUrl(kind), secret }, message, { allowedHosts: [robot.host] });

      expect(result).toMatchObject({ ok: true, response: expect.stringMatching(/^HTTP 200 /) });
      const got = await robot.waitFor((m) => m.provider === kind);
      expect(got.content.split("\n").slice(0, 3)).toEqual([message.subject, message.body, message.link]);
      expect(got.mentions).toEqual(mentions);
    });
  }

  it("dingtalk: a wrong secret is refused, final, with DingTalk's answer", async () => {
    const robot = await receiver({ dingtalk: "SEC-right" });
    const result = await sendToRobot({ kind: "dingtalk", webhookUrl: robot.webhookUrl("dingtalk"), secret: "SEC-wrong" }, message, {
      allowedHosts: [robot.host],
    });
    expect(result).toMatchObject({ ok: false, retryable: false, response: expect.stringContaining('"errcode":310000') });
    expect(robot.received).toHaveLength(0);
  });

  it("feishu: a wrong secret is refused, final, with Feishu's answer", async () => {
    const robot = await receiver({ feishu: "right" });
    const result = await sendToRobot({ kind: "feishu", webhookUrl: robot.webhookUrl("feishu"), secret: "wrong" }, message, {
      allowedHosts: [robot.host],
    });
    expect(result).toMatchObject({ ok: false, retryable: false, response: expect.stringContaining('"code":19021') });
  });

  it("an HTTP 500 is worth retrying", async () => {
    const robot = await receiver();
    robot.failNext(1);
    const target = { kind: "wecom" as const, webhookUrl: robot.webhookUrl("wecom"), secret: null };
    expect(await sendToRobot(target, message, { allowedHosts: [robot.host] })).toMatchObject({
      ok: false,
      retryable: true,
      response: expect.stringMatching(/^HTTP 500 /),
    });
    expect(await sendToRobot(target, message, { allowedHosts: [robot.host] })).toMatchObject({ ok: true });
  });

  it("a provider's rate limit is worth retrying, another error code is not", async () => {
    const robot = await receiver();
    const target = { kind: "dingtalk" as const, webhookUrl: robot.webhookUrl("dingtalk"), secret: null };
    robot.answerNext(1, { errcode: 130101, errmsg: "send too fast, exceed 20 times per minute" });
    expect(await sendToRobot(target, message, { allowedHosts: [robot.host] })).toMatchObject({ ok: false, retryable: true });
    robot.answerNext(1, { errcode: 300001, errmsg: "token is not exist" });
    expect(await sendToRobot(target, message, { allowedHosts: [robot.host] })).toMatchObject({ ok: false, retryable: false });
  });

  it("a receiver that never answers times out, worth retrying", async () => {
    const robot = await receiver();
    robot.hang();
    const started = Date.now();
    const result = await sendToRobot({ kind: "feishu", webhookUrl: robot.webhookUrl("feishu"), secret: null }, message, {
      allowedHosts: [robot.host],
      timeoutMs: 300,
    });
    expect(result).toMatchObject({ ok: false, retryable: true, response: expect.stringContaining("超时") });
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("a host not on the allow-list is refused without any request", async () => {
    const robot = await receiver();
    const target = { kind: "wecom" as const, webhookUrl: robot.webhookUrl("wecom"), secret: null };

    // The default list holds only the providers' hosts.
    const byDefault = await createChannels({}).robot(target, message);
    expect(byDefault).toMatchObject({ ok: false, retryable: false, response: expect.stringContaining("不在允许的机器人主机列表中") });
    // The same host on another port is another host.
    const otherPort = await sendToRobot(target, message, { allowedHosts: ["127.0.0.1:1"] });
    expect(otherPort).toMatchObject({ ok: false, retryable: false });
    expect(robot.requestCount).toBe(0);

    expect(await createChannels({ ROBOT_ALLOWED_HOSTS: ` example.cn, ${robot.host} ` }).robot(target, message)).toMatchObject({ ok: true });
  });

  it("plain http is refused to a host that is not loopback, even when allow-listed", async () => {
    const result = await sendToRobot(
      { kind: "wecom", webhookUrl: "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", secret: null },
      message,
      { allowedHosts: ["qyapi.weixin.qq.com"] },
    );
    expect(result).toMatchObject({ ok: false, retryable: false, response: expect.stringContaining("https://") });
  });
});

describe("signatures and URLs", () => {
  // Expected values computed with openssl, independently of node:crypto.
  it("signs as the providers document", () => {
    expect(signDingTalk("SECtest", 1_700_000_000_000)).toBe("aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g=");
    expect(signFeishu("feishu-secret", 1_700_000_000)).toBe("OrBzY1Y01Gq+HgJsl+7OfWcMVwc7YocohQm5iiZwjhU=");
  });

  it("reads ROBOT_ALLOWED_HOSTS, defaulting to the providers' hosts", () => {
    expect(allowedRobotHosts({})).toEqual(["oapi.dingtalk.com", "qyapi.weixin.qq.com", "open.feishu.cn", "open.larksuite.com"]);
    expect(allowedRobotHosts({ ROBOT_ALLOWED_HOSTS: "Robot.Example.cn, 127.0.0.1:8080," })).toEqual(["robot.example.cn", "127.0.0.1:8080"]);
  });

  it.each([
    ["dingtalk", "https://oapi.dingtalk.com/robot/send?access_token=abc123"],
    ["wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx"],
    ["feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/2f6d4e0c-1b2a-4c3d-8e9f-0a1b2c3d4e5f"],
    ["feishu", "https://open.larksuite.com/open-apis/bot/v2/hook/abc"],
    ["wecom", "http://127.0.0.1:4010/cgi-bin/webhook/send?key=k"],
  ] as const)("accepts %s %s", (kind, url) => {
    expect(validateWebhookUrl(kind, url)).toBeNull();
  });

  it.each([
    ["dingtalk", "https://oapi.dingtalk.com/robot/send", "access_token"],
    ["dingtalk", "https://open.feishu.cn/open-apis/bot/v2/hook/abc", "钉钉"],
    ["wecom", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=", "key="],
    ["feishu", "https://open.feishu.cn/open-apis/bot/v2/hook/", "飞书"],
    ["feishu", "http://open.feishu.cn/open-apis/bot/v2/hook/abc", "https://"],
    ["wecom", "https://user:pw@qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", "用户名"],
    ["dingtalk", "not a url", "有效"],
  ] as const)("refuses %s %s", (kind, url, says) => {
    expect(validateWebhookUrl(kind, url)).toContain(says);
  });

  it("checks the host when given the allow-list", () => {
    const url = "https://robot.example.cn/cgi-bin/webhook/send?key=k";
    expect(validateWebhookUrl("wecom", url)).toBeNull();
    expect(validateWebhookUrl("wecom", url, allowedRobotHosts({}))).toContain("robot.example.cn");
    expect(validateWebhookUrl("wecom", url, ["robot.example.cn"])).toBeNull();
  });
});
