/**
 * The submit action under load: `connections` liaisons at once, each on its
 * own connection working through its own unit's open assignments (so no two
 * requests touch one row), POSTing the multipart body the browser's server
 * action call sends. Afterwards every acknowledged submission is looked up
 * with its audit row.
 */
import type { Sql } from "postgres";
import { pngBytes } from "../../tests/helpers/evidence-bytes";
import { accounts } from "./dataset";
import { latencyStats, runAutocannon, type LatencyStats } from "./load";
import { signIn } from "./server";

interface OpenAssignment {
  id: string;
  version: number;
  figureIds: string[];
}

export interface SubmitStats extends LatencyStats {
  acknowledged: number;
  refused: number;
  lost: number;
}

const PHOTO = Buffer.from(pngBytes(32));

/**
 * React's encodeReply for `action(formData)`: the form's fields under the
 * prefix "_1_", and part "0" the argument list referring to it ($K1).
 */
function multipartBody(a: OpenAssignment): { body: Buffer; contentType: string } {
  const boundary = `----duban-bench-${a.id}`;
  const parts: Buffer[] = [];
  const field = (name: string, value: string) =>
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  field("_1_assignmentId", a.id);
  field("_1_expectedVersion", String(a.version));
  field("_1_note", "已按要求完成（基准测试）");
  for (const id of a.figureIds) field(`_1_figure.${id}`, "120");
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="_1_files"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n`,
    ),
    PHOTO,
    Buffer.from("\r\n"),
  );
  field("0", '["$K1"]');
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The liaisons of township 1 with the most open (pending or returned) assignments, and those assignments. */
async function openWork(sql: Sql, connections: number, perLiaison: number) {
  const rows = await sql<{ unit_code: string; id: string; version: number; figure_ids: string[] }[]>`
    select u.code as unit_code, a.id, a.version, coalesce(array_agg(f.id) filter (where f.id is not null), '{}') as figure_ids
    from assignments a
    join organizations o on o.id = a.org_id and o.settings->>'bench' = '1'
    join units u on u.org_id = a.org_id and u.id = a.unit_id
    left join task_figures f on f.org_id = a.org_id and f.task_id = a.task_id
    where a.status in ('pending', 'returned')
    group by u.code, a.id, a.version`;
  const byUnit = new Map<string, OpenAssignment[]>();
  for (const r of rows) {
    const list = byUnit.get(r.unit_code) ?? [];
    list.push({ id: r.id, version: r.version, figureIds: r.figure_ids });
    byUnit.set(r.unit_code, list);
  }
  return [...byUnit.entries()]
    .sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))
    .slice(0, connections)
    .map(([code, list]) => ({ username: accounts.liaison(1, Number(code.slice(1))), queue: list.slice(0, perLiaison) }));
}

export async function loadSubmit(options: {
  sql: Sql;
  baseUrl: string;
  password: string;
  actionId: string;
  connections: number;
  perLiaison: number;
}): Promise<SubmitStats> {
  const liaisons = await openWork(options.sql, options.connections, options.perLiaison);
  if (liaisons.length < options.connections) throw new Error(`Only ${liaisons.length} liaisons have open work`);
  const cookies = await Promise.all(liaisons.map((l) => signIn(options.baseUrl, l.username, options.password)));

  const acknowledged = new Map<string, string>(); // submission id → assignment id
  let refused = 0;
  const started = performance.now();
  const runs = await Promise.all(
    liaisons.map((liaison, i) => {
      let sent = 0;
      let answered = 0;
      return runAutocannon({
        url: options.baseUrl,
        connections: 1,
        amount: liaison.queue.length,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => {
              const work = liaison.queue[sent++]!;
              const { body, contentType } = multipartBody(work);
              return {
                ...request,
                path: `/tasks/${work.id}`,
                body,
                headers: { cookie: cookies[i]!, "next-action": options.actionId, accept: "text/x-component", "content-type": contentType },
              };
            },
            onResponse: (status, body) => {
              const work = liaison.queue[answered++]!;
              const result = /^1:(\{"ok":.*)$/m.exec(body)?.[1];
              const parsed = result ? (JSON.parse(result) as { ok: boolean; data?: { submissionId: string } }) : null;
              if (status === 200 && parsed?.ok && parsed.data) acknowledged.set(parsed.data.submissionId, work.id);
              else refused++;
            },
          },
        ],
      });
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const latencies = runs.flatMap((r) => r.latencies);
  const transportErrors = runs.reduce((n, r) => n + r.errors, 0);
  const lost = await countLost(options.sql, acknowledged);
  const stats = latencyStats(latencies, transportErrors + refused, seconds);
  // Throughput counts what the server acknowledged, not refusals.
  return { ...stats, rps: acknowledged.size / seconds, acknowledged: acknowledged.size, refused, lost };
}

/** Acknowledged submissions missing from the database, or without their audit row, or whose assignment is not submitted. */
async function countLost(sql: Sql, acknowledged: Map<string, string>): Promise<number> {
  if (acknowledged.size === 0) return 0;
  const ids = [...acknowledged.keys()];
  const found = await sql<{ id: string; assignment_id: string }[]>`
    select s.id, s.assignment_id
    from submissions s
    join assignments a on a.org_id = s.org_id and a.id = s.assignment_id and a.status = 'submitted'
    where s.id = any(${ids}::uuid[])
      and exists (select 1 from audit_events e where e.org_id = s.org_id and e.entity_type = 'submission'
        and e.entity_id = s.id and e.action = 'submission.create')`;
  const ok = found.filter((r) => acknowledged.get(r.id) === r.assignment_id).length;
  return acknowledged.size - ok;
}
