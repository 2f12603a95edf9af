/**
 * The county dataset, generated set-based (INSERT … SELECT generate_series) on
 * one connection: the county, its townships, units, accounts, one active
 * campaign per township with its tasks; the history (assignments, events,
 * submissions, files, hazards, audit rows) is in dataset-history.ts.
 */
import type { Sql } from "postgres";
import { HISTORY_STEPS } from "./dataset-history";

export interface DatasetSize {
  townships: number;
  unitsPerTownship: number;
  tasksPerTownship: number;
  hazards: number;
  auditRows: number;
}

export const SIZES: Record<"full" | "small", DatasetSize> = {
  full: { townships: 30, unitsPerTownship: 200, tasksPerTownship: 80, hazards: 100_000, auditRows: 2_000_000 },
  // One township of the same shape, for CI: the per-township share of hazards and audit rows.
  small: { townships: 1, unitsPerTownship: 200, tasksPerTownship: 80, hazards: 3_334, auditRows: 66_667 },
};

export const TEMPLATE_KEY = "bench-safety-month";
export const ACTIVITIES_PER_CAMPAIGN = 8;

/** Usernames the benchmark signs in with (the demo password for all of them). */
export const accounts = {
  countyLeader: "county-leader",
  leader: (township: number) => `t${township}-leader`,
  liaison: (township: number, unit: number) => `t${township}-lx${unit}`,
};

export interface Step {
  label: string;
  text: string;
}

const ORG_STEPS: Step[] = [
  {
    label: "county",
    text: `insert into organizations (kind, name, code, short_code, settings)
      values ('county', '基准县', 'B000', 'BC', jsonb_build_object('bench', 0))`,
  },
  {
    label: "townships",
    text: `insert into organizations (parent_id, kind, name, code, short_code, settings)
      select (select id from organizations where code = 'B000'), 'township', '基准' || i || '镇',
        'B' || lpad(i::text, 3, '0'), 'T' || i, jsonb_build_object('bench', i)
      from generate_series(1, :townships) i`,
  },
  {
    label: "units",
    text: `insert into units (org_id, kind, code, name, responsible_person, phone)
      select o.id, k.kind::unit_kind, 'U' || lpad(u::text, 3, '0'), '第' || u || k.suffix, '负责人' || u, '1380000' || lpad(u::text, 4, '0')
      from organizations o
      cross join generate_series(1, :units) u
      cross join lateral (select case
        when u % 10 < 6 then 'village' when u % 10 = 6 then 'community' when u % 10 = 7 then 'department'
        when u % 10 = 8 then 'school' else 'enterprise' end as kind) kk
      cross join lateral (select kk.kind, case kk.kind when 'village' then '村' when 'community' then '社区'
        when 'department' then '办公室' when 'school' then '小学' else '企业' end as suffix) k
      where o.kind = 'township'`,
  },
  {
    label: "users",
    text: `insert into users (username, display_name, password_hash)
      select 't' || i || '-' || r, r || i, :hash from generate_series(1, :townships) i, unnest(array['admin', 'leader', 'auditor']) r
      union all
      select 't' || i || '-lx' || u, '联络员' || i || '-' || u, :hash from generate_series(1, :townships) i, generate_series(1, :units) u
      union all
      select 'county-leader', '县安委办', :hash`,
  },
  {
    label: "memberships",
    text: `insert into memberships (org_id, user_id, role, unit_id)
      select o.id, us.id, r::role, null from organizations o, unnest(array['admin', 'leader', 'auditor']) r, users us
        where o.kind = 'township' and us.username = 't' || (o.settings->>'bench') || '-' || r
      union all
      select u.org_id, us.id, 'liaison', u.id from units u join organizations o on o.id = u.org_id
        join users us on us.username = 't' || (o.settings->>'bench') || '-lx' || substr(u.code, 2)::int
      union all
      select o.id, us.id, 'county_leader', null from organizations o, users us where o.code = 'B000' and us.username = 'county-leader'`,
  },
  {
    label: "campaigns",
    text: `insert into campaigns (org_id, name, theme, starts_on, ends_on, status, notice_title, template_key, created_by, created_at, updated_at)
      select o.id, '安全生产月（基准）', '人人讲安全、个个会应急', d.today - 60, d.today + 30, 'active', '关于开展安全生产月活动的通知',
        '${TEMPLATE_KEY}', m.user_id, ((d.today - 60)::timestamp + time '09:00') at time zone 'Asia/Shanghai', :now
      from organizations o
      join memberships m on m.org_id = o.id and m.role = 'leader'
      cross join (select (:now at time zone 'Asia/Shanghai')::date as today) d
      where o.kind = 'township'`,
  },
  {
    label: "phases",
    text: `insert into phases (org_id, campaign_id, name, starts_on, ends_on, position)
      select c.org_id, c.id, p.name, c.starts_on + (p.n::int - 1) * 23, least(c.ends_on, c.starts_on + (p.n::int - 1) * 23 + 22), p.n - 1
      from campaigns c cross join unnest(array['动员部署', '排查整治', '集中攻坚', '巩固提升']) with ordinality p(name, n)`,
  },
  {
    label: "activities",
    text: `insert into activities (org_id, campaign_id, grouping, code, title, description, position)
      select c.org_id, c.id, case when a < 4 then '专题' else '专项' end, '（' || a || '）', '活动项目' || a, '活动项目' || a || '的要求', a - 1
      from campaigns c cross join generate_series(1, ${ACTIVITIES_PER_CAMPAIGN}) a`,
  },
  {
    // Deadlines spread from day 7 to day 90 of the campaign (about two thirds already past), 17:00 Beijing time.
    label: "tasks",
    text: `insert into tasks (org_id, campaign_id, activity_id, phase_id, title, description, deadline,
        applicable_unit_kinds, evidence_required, position, created_at)
      select c.org_id, c.id, a.id, ph.id, '任务' || t || '：' || a.title || '落实情况', '按通知要求完成并上传佐证材料',
        ((c.starts_on + 7 + ((t - 1) * 83) / :tasks)::timestamp + time '17:00') at time zone 'Asia/Shanghai',
        array['village', 'community', 'department', 'school', 'enterprise']::unit_kind[],
        array['meeting_minutes', 'photo'], t, c.created_at
      from campaigns c
      cross join generate_series(1, :tasks) t
      join activities a on a.org_id = c.org_id and a.campaign_id = c.id
        and a.position = ((t - 1) * ${ACTIVITIES_PER_CAMPAIGN}) / :tasks
      join phases ph on ph.org_id = c.org_id and ph.campaign_id = c.id
        and ph.position = least(3, (7 + ((t - 1) * 83) / :tasks) / 23)`,
  },
  {
    label: "task figures",
    text: `insert into task_figures (org_id, task_id, name, measure_unit, target, position)
      select org_id, id, '受教育人次', '人次', 20000, 0 from tasks where position % 4 = 0`,
  },
];

export const GENERATION_STEPS: Step[] = [...ORG_STEPS, ...HISTORY_STEPS];

/**
 * The statements' named values (:now, :hash, :townships, :units, :tasks,
 * :hazards, :audit) as SQL literals: numbers and a timestamp made here, and a
 * bcrypt hash (only [./$A-Za-z0-9]), so nothing needs escaping beyond quotes.
 */
function bind(text: string, size: DatasetSize, passwordHash: string, now: Date): string {
  const values: Record<string, string> = {
    now: `'${now.toISOString()}'::timestamptz`,
    hash: `'${passwordHash.replaceAll("'", "''")}'`,
    townships: String(size.townships),
    units: String(size.unitsPerTownship),
    tasks: String(size.tasksPerTownship),
    hazards: String(size.hazards),
    audit: String(size.auditRows),
  };
  return text.replace(/(?<!:):(now|hash|townships|units|tasks|hazards|audit)\b/g, (_, name: string) => values[name]!);
}

/**
 * Runs every step in one transaction on one connection, printing each step's
 * time and row count; returns the total seconds.
 */
export async function generateDataset(sql: Sql, size: DatasetSize, passwordHash: string, now: Date): Promise<number> {
  const started = performance.now();
  await sql.begin(async (tx) => {
    await tx.unsafe("set local synchronous_commit = off");
    for (const step of GENERATION_STEPS) {
      const t0 = performance.now();
      const result = await tx.unsafe(bind(step.text, size, passwordHash, now));
      const secs = ((performance.now() - t0) / 1000).toFixed(1);
      console.log(`  ${step.label.padEnd(24)} ${String(result.count ?? 0).padStart(9)} rows  ${secs} s`);
    }
    // The object itself: postgres.js serialises a jsonb parameter, so a JSON string would be stored as a string.
    await tx.unsafe(`update organizations set settings = settings || $1::jsonb where code = 'B000'`, [{ benchDataset: { ...size } }]);
  });
  await sql.unsafe("analyze");
  return (performance.now() - started) / 1000;
}

/** True when the database already holds a dataset of this size (for --reuse). */
export async function holdsDataset(sql: Sql, size: DatasetSize): Promise<boolean> {
  const exists = await sql`select to_regclass('public.organizations') is not null as ok`;
  if (!exists[0]?.ok) return false;
  const rows = await sql`select settings->'benchDataset' as size from organizations where code = 'B000'`;
  const stored = rows[0]?.size as Record<string, unknown> | null | undefined;
  // Compared key by key: jsonb does not keep the keys in the order they were written.
  return Boolean(stored) && Object.entries(size).every(([key, value]) => stored![key] === value);
}
