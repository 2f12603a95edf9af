/**
 * The lived-in part of the county dataset, set-based: every task assigned to
 * every unit of its township, a status mix (≈55 % approved, 15 % submitted,
 * 10 % returned, 20 % pending, the pending ones past their deadline overdue)
 * with the history that status implies — assignment events, submissions (a
 * returned-then-resubmitted assignment has two), figure values, evidence file
 * metadata, pending extension requests, notifications — then hazards and the
 * audit log topped up to its target size. Choices come from md5 of the ids,
 * so a dataset is self-consistent without a random generator.
 */
import type { Step } from "./dataset";

/** Four independent numbers in [0, 1) from md5 of the key. */
const rand = (key: string, i: number) => `(('x' || substr(md5(${key}), ${1 + 7 * i}, 7))::bit(28)::int / 268435456.0)`;

/** Outcome by h in 0..99: the brief's mix (approved 55, submitted 15, returned 10, pending 20). */
const OUTCOME = `case
  when h < 47 then 'approved' when h < 55 then 'approved_after_return'
  when h < 67 then 'submitted' when h < 70 then 'resubmitted'
  when h < 80 then 'returned' when h < 90 then 'acknowledged' else 'pending' end`;

const PLAN: Step = {
  // Work happens after the issue and at most 3 days past the deadline, never later than 10 minutes ago.
  label: "plan (scratch table)",
  text: `create temp table bench_plan on commit drop as
    with pairs as (
      select t.org_id, gen_random_uuid() as id, t.id as task_id, u.id as unit_id, t.deadline, t.created_at as issued_at,
        t.position as task_position, lx.user_id as liaison_id, ld.user_id as leader_id, t.id::text || u.id::text as k
      from tasks t
      join units u on u.org_id = t.org_id
      join memberships lx on lx.org_id = u.org_id and lx.unit_id = u.id and lx.role = 'liaison'
      join memberships ld on ld.org_id = t.org_id and ld.role = 'leader'
    ), drawn as (
      select p.*, floor(${rand("k", 0)} * 100)::int as h, ${rand("k", 1)} as r1, ${rand("k", 2)} as r2, ${rand("k", 3)} as r3,
        least(:now - interval '10 minutes', p.deadline + interval '3 days') as window_end
      from pairs p
    ), timed as (
      select d.*, ${OUTCOME} as outcome, d.issued_at + (d.window_end - d.issued_at) * (0.02 + 0.15 * d.r1) as ack_at,
        d.issued_at + (d.window_end - d.issued_at) * (0.3 + 0.3 * d.r2) as sub1_at
      from drawn d
    )
    select t.*,
      case outcome when 'approved_after_return' then sub1_at + (window_end - sub1_at) * 0.2
        when 'resubmitted' then sub1_at + (window_end - sub1_at) * 0.3
        when 'returned' then sub1_at + (window_end - sub1_at) * (0.2 + 0.6 * r3) end as ret_at,
      case outcome when 'approved_after_return' then sub1_at + (window_end - sub1_at) * 0.45
        when 'resubmitted' then sub1_at + (window_end - sub1_at) * (0.5 + 0.4 * r3) end as sub2_at,
      case outcome when 'approved' then sub1_at + (window_end - sub1_at) * (0.1 + 0.5 * r3)
        when 'approved_after_return' then sub1_at + (window_end - sub1_at) * (0.6 + 0.3 * r3) end as appr_at
    from timed t`,
};

const ASSIGNMENTS: Step = {
  label: "assignments",
  text: `insert into assignments (org_id, id, task_id, unit_id, status, owner_user_id, published_at, acknowledged_at, submitted_at,
      approved_at, version, created_at, updated_at)
    select org_id, id, task_id, unit_id,
      (case outcome when 'approved' then 'approved' when 'approved_after_return' then 'approved'
        when 'submitted' then 'submitted' when 'resubmitted' then 'submitted' when 'returned' then 'returned'
        else 'pending' end)::assignment_status,
      case when outcome <> 'pending' then liaison_id end,
      issued_at,
      case when outcome <> 'pending' then ack_at end,
      case when outcome not in ('pending', 'acknowledged') then coalesce(sub2_at, sub1_at) end, appr_at,
      1 + case outcome when 'approved' then 2 when 'approved_after_return' then 4 when 'submitted' then 1
        when 'resubmitted' then 3 when 'returned' then 2 else 0 end,
      issued_at, greatest(issued_at, coalesce(appr_at, sub2_at, ret_at, sub1_at, issued_at))
    from bench_plan`,
};

/** Every step of every assignment: issued, then submit / return / approve in order. */
const STEP_ROWS = `select p.org_id, p.id as assignment_id, p.task_id, p.liaison_id, p.leader_id, s.seq, s.from_status, s.to_status, s.at,
    case s.to_status when 'returned' then '佐证材料不完整，请补充后重新提交' end as reason
  from bench_plan p cross join lateral (values
    (0, null, 'pending', p.issued_at),
    (1, 'pending', 'submitted', case when p.outcome not in ('pending', 'acknowledged') then p.sub1_at end),
    (2, 'submitted', 'returned', p.ret_at),
    (3, 'returned', 'submitted', p.sub2_at),
    (4, 'submitted', 'approved', p.appr_at)
  ) s(seq, from_status, to_status, at)
  where s.at is not null`;

const EVENTS: Step = {
  label: "assignment events",
  text: `insert into assignment_events (org_id, assignment_id, from_status, to_status, actor_user_id, reason, created_at)
    select org_id, assignment_id, from_status::assignment_status, to_status::assignment_status,
      case when to_status in ('submitted') then liaison_id else leader_id end, reason, at
    from (${STEP_ROWS}) e`,
};

const SUBMISSIONS: Step = {
  // The first submission of a returned / resubmitted / approved-after-return assignment was returned.
  label: "submissions",
  text: `insert into submissions (org_id, assignment_id, submitted_by, note, submitted_at, decision, reviewed_by, reviewed_at, return_reason)
    select org_id, id, liaison_id, '已按要求完成，材料见附件', sub1_at,
      (case when ret_at is not null then 'returned' when outcome = 'approved' then 'approved' end)::review_decision,
      case when ret_at is not null or outcome = 'approved' then leader_id end,
      coalesce(ret_at, appr_at),
      case when ret_at is not null then '佐证材料不完整，请补充后重新提交' end
    from bench_plan where outcome not in ('pending', 'acknowledged')
    union all
    select org_id, id, liaison_id, '已补充材料，请审核', sub2_at,
      (case when outcome = 'approved_after_return' then 'approved' end)::review_decision,
      case when outcome = 'approved_after_return' then leader_id end,
      appr_at, null
    from bench_plan where sub2_at is not null`,
};

const FIGURE_VALUES: Step = {
  label: "figure values",
  text: `insert into submission_figure_values (org_id, submission_id, figure_id, value)
    select s.org_id, s.id, f.id, 50 + (('x' || substr(md5(s.id::text), 1, 6))::bit(24)::int % 150)
    from submissions s
    join assignments a on a.org_id = s.org_id and a.id = s.assignment_id
    join task_figures f on f.org_id = a.org_id and f.task_id = a.task_id`,
};

const FILES: Step = {
  // Metadata only: a photo per submission, and the meeting minutes for about a third of them.
  label: "evidence files",
  text: `insert into files (org_id, purpose, submission_id, storage_key, original_name, mime_type, size_bytes, sha256, uploaded_by, uploaded_at)
    select s.org_id, 'evidence', s.id, 'bench/' || s.id || '/' || n, case n when 1 then '现场照片.jpg' else '会议记录.pdf' end,
      case n when 1 then 'image/jpeg' else 'application/pdf' end,
      200000 + (('x' || substr(md5(s.id::text || n), 1, 6))::bit(24)::int % 2800000),
      encode(sha256(convert_to(s.id::text || n, 'UTF8')), 'hex'), s.submitted_by, s.submitted_at
    from submissions s cross join generate_series(1, 2) n
    where n = 1 or ('x' || substr(md5(s.id::text), 8, 2))::bit(8)::int % 3 = 0`,
};

const EXTENSIONS: Step = {
  label: "extension requests",
  text: `insert into extension_requests (org_id, assignment_id, requested_by, requested_deadline, reason, created_at)
    select org_id, id, liaison_id, deadline + interval '7 days', '村里人手不足，申请延期一周', least(:now, ack_at + interval '1 day')
    from bench_plan where outcome = 'acknowledged' and h < 82`,
};

const NOTIFICATIONS: Step = {
  label: "notifications",
  text: `insert into notifications (org_id, user_id, kind, title, body, link, created_at)
    select org_id, liaison_id, 'returned', '任务被退回', '佐证材料不完整，请补充后重新提交', '/tasks/' || id, ret_at
    from bench_plan where outcome = 'returned'`,
};

const HAZARDS: Step = {
  // Spread round-robin over townships; a third found by an investigation assignment of their unit.
  label: "hazards",
  text: `insert into hazards (org_id, number, title, description, unit_id, location, industry, level, source, found_on,
      assignment_id, measures, responsible_person, rectification_deadline, status, rectified_on, closed_on, created_at, updated_at)
    select o.id, o.short_code || '-' || to_char(:now at time zone 'Asia/Shanghai', 'YYYY') || '-' || lpad(seq::text, 5, '0'), '隐患' || seq, '消防通道堵塞、灭火器过期', u.id, '第' || useq || '号点位',
      '消防', (case when g % 20 = 0 then 'major' else 'general' end)::hazard_level,
      (array['self_inspection', 'investigation_task', 'supervision_check', 'hotline_12350', 'media'])[1 + g % 5]::hazard_source,
      found, a.id, '立即清理并更换灭火器', '负责人' || useq, found + 30,
      (case when g % 10 < 3 then 'reported' when g % 10 < 5 then 'rectifying' when g % 10 = 5 then 'rectified' else 'verified' end)::hazard_status,
      case when g % 10 >= 5 then least(today, found + 10) end, case when g % 10 >= 6 then least(today, found + 15) end,
      found::timestamp at time zone 'Asia/Shanghai', found::timestamp at time zone 'Asia/Shanghai'
    from generate_series(1, :hazards) g
    cross join lateral (select 1 + (g - 1) % :townships as tn, 1 + (g - 1) / :townships as seq, 1 + (g * 7919) % :units as useq) k
    join organizations o on o.kind = 'township' and (o.settings->>'bench')::int = k.tn
    join units u on u.org_id = o.id and u.code = 'U' || lpad(k.useq::text, 3, '0')
    join campaigns c on c.org_id = o.id
    cross join lateral (select (:now at time zone 'Asia/Shanghai')::date as today) d
    cross join lateral (select least(d.today, c.starts_on + (g % 60)) as found) f
    left join tasks t on g % 3 = 0 and t.org_id = o.id and t.campaign_id = c.id and t.position = 11 + g % 10
    left join assignments a on a.org_id = o.id and a.task_id = t.id and a.unit_id = u.id`,
};

/** Audit rows for what happened (cut at the target count), then padded with campaign reminders up to it. */
const AUDIT: Step = {
  label: "audit events",
  text: `insert into audit_events (org_id, actor_user_id, action, entity_type, entity_id, before, after, system, created_at)
    with history as (
      select org_id, case when to_status = 'submitted' then liaison_id else leader_id end as actor,
        'assignment.' || case to_status when 'submitted' then 'submit' when 'returned' then 'return' else 'approve' end as action,
        'assignment' as entity_type, assignment_id as entity_id,
        jsonb_build_object('status', from_status) as before, jsonb_build_object('status', to_status) as after, at
      from (${STEP_ROWS}) e where seq > 0
      union all
      select org_id, submitted_by, 'submission.create', 'submission', id, null,
        jsonb_build_object('assignmentId', assignment_id, 'note', note), submitted_at from submissions
      union all
      select org_id, owner_user_id, 'assignment.acknowledge', 'assignment', id, jsonb_build_object('acknowledgedAt', null),
        jsonb_build_object('acknowledgedAt', acknowledged_at), acknowledged_at from assignments where acknowledged_at is not null
      union all
      select org_id, null, 'hazard.create', 'hazard', id, null, jsonb_build_object('number', number), created_at from hazards
    ), numbered as (select h.*, row_number() over () as n from history h)
    select org_id, actor, action, entity_type, entity_id, before, after, false, at from numbered where n <= :audit
    union all
    select c.org_id, c.created_by, 'reminder.laggards', 'campaign', c.id, null, jsonb_build_object('campaignId', c.id, 'units', 1 + g % 40), false,
      :now - (g % 50) * interval '1 day' - (g % 600) * interval '1 minute'
    from generate_series(1, greatest(0, :audit - (select count(*) from history))) g
    join organizations o on o.kind = 'township' and (o.settings->>'bench')::int = 1 + g % :townships
    join campaigns c on c.org_id = o.id`,
};

export const HISTORY_STEPS: Step[] = [
  PLAN,
  ASSIGNMENTS,
  EVENTS,
  SUBMISSIONS,
  FIGURE_VALUES,
  FILES,
  EXTENSIONS,
  NOTIFICATIONS,
  HAZARDS,
  AUDIT,
];
