/**
 * The reminder queue at county scale: the county's morning tick (every
 * township's reminders, escalations and digest, planned and claimed), then
 * two pg-boss workers sending every queued message to a loopback SMTP server
 * and group-robot receiver. Runs after the HTTP measurements, on the same
 * database, with the web server's own worker off (DUBAN_WORKER=off).
 */
import { openPostgres } from "@/db/client";
import { createChannels } from "@/lib/reach/channels";
import { runSchedule } from "@/lib/reach/scheduler";
import { QUEUES, startWorker, type Worker } from "@/lib/reach/worker";
import { startRobotReceiver } from "../../tests/helpers/robot-receiver";
import { startSmtpSink } from "../../tests/helpers/smtp-sink";
import { connect } from "./databases";
import type { Figure } from "./report";

const WORKERS = 2;

/** A robot per township and an e-mail address per leader and liaison, so the morning has somewhere to go. */
async function connectEveryone(databaseUrl: string, robotUrl: string) {
  const sql = connect(databaseUrl);
  try {
    await sql`delete from deliveries`;
    await sql`delete from dispatches`;
    await sql`delete from robot_connections`;
    await sql`drop schema if exists pgboss cascade`;
    await sql`insert into robot_connections (org_id, kind, name, webhook_url)
      select id, 'dingtalk', '安全生产工作群', ${robotUrl} from organizations where kind = 'township'`;
    await sql`update users u set email = u.username || '@bench.test'
      from memberships m where m.user_id = u.id and m.role in ('leader', 'admin', 'liaison')`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function deliveryCount(databaseUrl: string, statuses: string[]): Promise<number> {
  const sql = connect(databaseUrl);
  try {
    return Number((await sql`select count(*) as n from deliveries where status::text = any(${statuses})`)[0]!.n);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
const pendingCount = (url: string) => deliveryCount(url, ["pending", "sending"]);

export async function measureReach(databaseUrl: string): Promise<Figure[]> {
  console.log("Reminder queue: the county's morning …");
  const sink = await startSmtpSink();
  const receiver = await startRobotReceiver();
  await connectEveryone(databaseUrl, receiver.webhookUrl("dingtalk"));
  // 08:30 Beijing today: every township's digest is due.
  const morning = new Date(`${new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)}T08:30:00+08:00`);
  const handles = Array.from({ length: WORKERS }, () => openPostgres(databaseUrl, 4));
  const workers: Worker[] = [];
  try {
    const tickStarted = performance.now();
    const tick = await runSchedule(handles[0]!.db, morning);
    const tickSeconds = (performance.now() - tickStarted) / 1000;
    const queued = await pendingCount(databaseUrl);
    console.log(`  tick: ${tick.townships} townships, ${tick.dispatched} reminders, ${tick.digests} digests, ${queued} messages in ${tickSeconds.toFixed(1)} s`);

    const channels = createChannels({ SMTP_URL: sink.url, ROBOT_ALLOWED_HOSTS: receiver.host });
    for (const handle of handles) {
      workers.push(await startWorker({ handle, channels, now: () => morning, cron: false, pollingIntervalSeconds: 0.5 }));
    }
    const sendStarted = performance.now();
    await workers[0]!.boss.send(QUEUES.sweep, {});
    let left = queued;
    const deadline = Date.now() + 10 * 60_000;
    while (left > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      left = await pendingCount(databaseUrl);
      // The sweep takes 500 due deliveries at a time; ask again while some are left.
      if (left > 0) await workers[0]!.boss.send(QUEUES.sweep, {}, { singletonKey: "sweep" });
    }
    const sendSeconds = (performance.now() - sendStarted) / 1000;
    const sent = await deliveryCount(databaseUrl, ["sent"]);
    const outside = sink.messages.length + receiver.received.length;
    console.log(`  sent ${sent} of ${queued} (${sink.messages.length} e-mails, ${receiver.received.length} robot messages) in ${sendSeconds.toFixed(1)} s`);
    return [
      { name: "morning tick (county)", value: tickSeconds, unit: "s" },
      { name: "morning messages queued", value: queued, unit: "" },
      { name: `delivery throughput, ${WORKERS} workers`, value: sent / sendSeconds, unit: "jobs/s" },
      { name: "messages left unsent", value: left, unit: "", target: "0", met: left === 0 },
      { name: "messages received twice", value: outside - sent, unit: "", target: "0", met: outside === sent },
    ];
  } finally {
    for (const w of workers) await w.stop();
    for (const h of handles) await h.close();
    await sink.close();
    await receiver.close();
  }
}
