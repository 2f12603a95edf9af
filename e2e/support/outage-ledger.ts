import type { Sql } from "postgres";
import type { Attempt } from "./action-stream";

/**
 * What the database must show after the outage. Each list names the rows that
 * break a rule, so an empty list is a pass and a failure says what is wrong.
 */
export interface LedgerReport {
  /** Acknowledged actions whose change or audit row is missing. */
  lostAcknowledged: string[];
  /** Changes without their companion rows (event, audit, submission), or the reverse. */
  partialWrites: string[];
}

async function missingAcknowledged(sql: Sql, orgId: string, attempts: Attempt[]): Promise<string[]> {
  const lost: string[] = [];
  for (const a of attempts.filter((x) => x.answer.ok)) {
    const data = a.answer.ok ? a.answer.data : {};
    if (a.kind === "submit") {
      const [row] = await sql`
        select
          (select count(*)::int from submissions s where s.org_id = ${orgId} and s.id = ${String(data.submissionId)}
             and s.assignment_id = ${a.key} and s.note = ${String(a.input.note)}) as submissions,
          (select count(*)::int from audit_events e where e.org_id = ${orgId} and e.action = 'submission.create'
             and e.entity_id = ${String(data.submissionId)}) as submission_audits,
          (select count(*)::int from audit_events e where e.org_id = ${orgId} and e.action = 'assignment.submit'
             and e.entity_id = ${a.key} and (e.after ->> 'version')::int = ${Number(data.version)}) as submit_audits`;
      if (row?.submissions !== 1 || row.submission_audits !== 1 || row.submit_audits !== 1) {
        lost.push(`submit ${a.key}: ${JSON.stringify(row)}`);
      }
    } else if (a.kind === "approve") {
      const [row] = await sql`
        select
          (select status::text from assignments where org_id = ${orgId} and id = ${a.key}) as status,
          (select count(*)::int from audit_events e where e.org_id = ${orgId} and e.action = 'assignment.approve'
             and e.entity_id = ${a.key}) as audits`;
      if (row?.status !== "approved" || row.audits !== 1) lost.push(`approve ${a.key}: ${JSON.stringify(row)}`);
    } else {
      const [row] = await sql`
        select
          (select count(*)::int from audit_events e where e.org_id = ${orgId} and e.action = 'reminder.unit'
             and e.after ->> 'message' = ${a.key}) as audits,
          (select count(*)::int from notifications n where n.org_id = ${orgId} and n.kind = 'reminder'
             and n.body like ${`%${a.key}`}) as notifications`;
      if (row?.audits !== 1 || (row.notifications ?? 0) < 1) lost.push(`remind "${a.key}": ${JSON.stringify(row)}`);
    }
  }
  return lost;
}

/** Rows written since `since` that lack their companions: the trace a half-committed action would leave. */
async function partialWrites(sql: Sql, orgId: string, since: Date): Promise<string[]> {
  const rows = await sql<{ problem: string }[]>`
    with events as (
      select assignment_id, to_status::text as to_status, count(*)::int as n
      from assignment_events where org_id = ${orgId} and created_at >= ${since}
      group by 1, 2
    ), audits as (
      select entity_id as assignment_id,
             case action when 'assignment.submit' then 'submitted' when 'assignment.approve' then 'approved'
                         when 'assignment.return' then 'returned' end as to_status,
             count(*)::int as n
      from audit_events
      where org_id = ${orgId} and created_at >= ${since} and not system
        and action in ('assignment.submit', 'assignment.approve', 'assignment.return')
      group by 1, 2
    )
    select format('assignment %s -> %s: %s events, %s audit rows',
                  coalesce(e.assignment_id, a.assignment_id), coalesce(e.to_status, a.to_status),
                  coalesce(e.n, 0), coalesce(a.n, 0)) as problem
    from events e full join audits a on a.assignment_id = e.assignment_id and a.to_status = e.to_status
    where coalesce(e.n, 0) <> coalesce(a.n, 0)
    union all
    select format('assignment %s is %s but its last event says %s', x.id, x.status, last.to_status)
    from assignments x
    join lateral (
      select to_status from assignment_events e where e.org_id = x.org_id and e.assignment_id = x.id
      order by e.created_at desc, e.id limit 1
    ) last on true
    where x.org_id = ${orgId} and x.updated_at >= ${since} and x.status <> last.to_status
    union all
    select format('submission %s has %s audit rows', s.id,
                  (select count(*) from audit_events e where e.org_id = s.org_id and e.entity_id = s.id
                     and e.action = 'submission.create'))
    from submissions s
    where s.org_id = ${orgId} and s.submitted_at >= ${since}
      and (select count(*) from audit_events e where e.org_id = s.org_id and e.entity_id = s.id
             and e.action = 'submission.create') <> 1
    union all
    select format('submission.create audit %s has no submission', e.entity_id)
    from audit_events e
    where e.org_id = ${orgId} and e.created_at >= ${since} and e.action = 'submission.create'
      and not exists (select 1 from submissions s where s.org_id = e.org_id and s.id = e.entity_id)
    union all
    select format('%s reminder notifications, but the reminder audit rows count %s', n.notified, a.notified)
    from (select count(*)::int as notified from notifications
          where org_id = ${orgId} and kind = 'reminder' and created_at >= ${since}) n,
         (select coalesce(sum((after ->> 'notified')::int), 0)::int as notified from audit_events
          where org_id = ${orgId} and created_at >= ${since} and action in ('reminder.unit', 'reminder.laggards')) a
    where n.notified <> a.notified`;
  return rows.map((r) => r.problem);
}

/** Checks the database against what the stream was told. */
export async function checkLedger(sql: Sql, orgId: string, attempts: Attempt[], since: Date): Promise<LedgerReport> {
  return {
    lostAcknowledged: await missingAcknowledged(sql, orgId, attempts),
    partialWrites: await partialWrites(sql, orgId, since),
  };
}
