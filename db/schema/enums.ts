import { pgEnum } from "drizzle-orm/pg-core";

export const orgKind = pgEnum("org_kind", ["county", "township"]);

export const unitKind = pgEnum("unit_kind", ["village", "community", "department", "enterprise", "school"]);

// county_* roles are memberships of a county organization: read-only over its townships.
export const role = pgEnum("role", ["admin", "leader", "liaison", "auditor", "county_leader", "county_auditor"]);

export const campaignStatus = pgEnum("campaign_status", ["draft", "active", "closed"]);

export const recurrence = pgEnum("recurrence", ["none", "monthly", "quarterly"]);

// `overdue` is not stored: it is derived from the deadline (lib/status).
export const assignmentStatus = pgEnum("assignment_status", ["pending", "submitted", "approved", "returned"]);

export const reviewDecision = pgEnum("review_decision", ["approved", "returned"]);

export const extensionStatus = pgEnum("extension_status", ["pending", "approved", "denied"]);

export const filePurpose = pgEnum("file_purpose", [
  "evidence",
  "hazard_before",
  "hazard_after",
  "hazard_plan",
  "public_report",
]);

export const hazardLevel = pgEnum("hazard_level", ["general", "major"]);

export const hazardSource = pgEnum("hazard_source", [
  "self_inspection",
  "investigation_task",
  "supervision_check",
  "hotline_12350",
  "hotline_119",
  "hotline_96119",
  "media",
  "public_report",
]);

export const hazardStatus = pgEnum("hazard_status", ["reported", "rectifying", "rectified", "verified"]);

export const publicReportStatus = pgEnum("public_report_status", ["received", "accepted", "dismissed"]);

export const notificationKind = pgEnum("notification_kind", [
  "assigned",
  "returned",
  "approved",
  "reminder",
  "extension_decided",
  "hazard_assigned",
  "due_soon",
  "overdue",
  "ack_chase",
  "escalation",
  "supervision",
  "digest",
  "period_open",
]);

/** Where a message leaves Duban: e-mail, or a township group's robot. The bell is the notifications table. */
export const channelKind = pgEnum("channel_kind", ["email", "dingtalk", "wecom", "feishu"]);

export const deliveryStatus = pgEnum("delivery_status", ["pending", "sending", "sent", "failed"]);

/** 三色督办: how far an overdue item has been escalated (lib/reach/escalation). */
export const escalationLevel = pgEnum("escalation_level", ["blue", "yellow", "red"]);
