CREATE TYPE "public"."assignment_status" AS ENUM('pending', 'submitted', 'approved', 'returned');--> statement-breakpoint
CREATE TYPE "public"."campaign_status" AS ENUM('draft', 'active', 'closed');--> statement-breakpoint
CREATE TYPE "public"."extension_status" AS ENUM('pending', 'approved', 'denied');--> statement-breakpoint
CREATE TYPE "public"."file_purpose" AS ENUM('evidence', 'hazard_before', 'hazard_after', 'hazard_plan', 'public_report');--> statement-breakpoint
CREATE TYPE "public"."hazard_level" AS ENUM('general', 'major');--> statement-breakpoint
CREATE TYPE "public"."hazard_source" AS ENUM('self_inspection', 'investigation_task', 'supervision_check', 'hotline_12350', 'hotline_119', 'hotline_96119', 'media', 'public_report');--> statement-breakpoint
CREATE TYPE "public"."hazard_status" AS ENUM('reported', 'rectifying', 'rectified', 'verified');--> statement-breakpoint
CREATE TYPE "public"."notification_kind" AS ENUM('assigned', 'returned', 'approved', 'reminder', 'extension_decided', 'hazard_assigned');--> statement-breakpoint
CREATE TYPE "public"."org_kind" AS ENUM('county', 'township');--> statement-breakpoint
CREATE TYPE "public"."public_report_status" AS ENUM('received', 'accepted', 'dismissed');--> statement-breakpoint
CREATE TYPE "public"."recurrence" AS ENUM('none', 'monthly', 'quarterly');--> statement-breakpoint
CREATE TYPE "public"."review_decision" AS ENUM('approved', 'returned');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'leader', 'liaison', 'auditor');--> statement-breakpoint
CREATE TYPE "public"."unit_kind" AS ENUM('village', 'community', 'department', 'enterprise', 'school');--> statement-breakpoint
CREATE TABLE "memberships" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"role" "role" NOT NULL,
	"unit_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "memberships_liaison_has_unit" CHECK (("memberships"."role" = 'liaison') = ("memberships"."unit_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"parent_id" uuid,
	"kind" "org_kind" NOT NULL,
	"name" text NOT NULL,
	"code" text NOT NULL,
	"short_code" text NOT NULL,
	"timezone" text DEFAULT 'Asia/Shanghai' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "unit_kind" NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"responsible_person" text,
	"phone" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"phone" text,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"locale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"grouping" text,
	"code" text,
	"title" text NOT NULL,
	"description" text,
	"position" integer NOT NULL,
	CONSTRAINT "activities_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"theme" text,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "campaign_status" DEFAULT 'draft' NOT NULL,
	"notice_title" text,
	"notice_text" text,
	"template_key" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaigns_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "phases" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "phases_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "task_figures" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"name" text NOT NULL,
	"measure_unit" text NOT NULL,
	"target" numeric(14, 2),
	"position" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "task_figures_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"campaign_id" uuid NOT NULL,
	"activity_id" uuid NOT NULL,
	"phase_id" uuid,
	"title" text NOT NULL,
	"description" text,
	"deadline" timestamp with time zone NOT NULL,
	"applicable_unit_kinds" "unit_kind"[] NOT NULL,
	"evidence_required" text[] NOT NULL,
	"recurrence" "recurrence" DEFAULT 'none' NOT NULL,
	"series_id" uuid,
	"period_start" date,
	"owner_unit_id" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tasks_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "assignment_events" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"from_status" "assignment_status",
	"to_status" "assignment_status" NOT NULL,
	"actor_user_id" uuid,
	"reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignment_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"status" "assignment_status" DEFAULT 'pending' NOT NULL,
	"deadline" timestamp with time zone,
	"owner_user_id" uuid,
	"acknowledged_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"approved_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assignments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "extension_requests" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"requested_by" uuid NOT NULL,
	"requested_deadline" timestamp with time zone NOT NULL,
	"reason" text NOT NULL,
	"status" "extension_status" DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"granted_deadline" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "extension_requests_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "submission_figure_values" (
	"org_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"figure_id" uuid NOT NULL,
	"value" numeric(14, 2) NOT NULL,
	CONSTRAINT "submission_figure_values_org_id_submission_id_figure_id_pk" PRIMARY KEY("org_id","submission_id","figure_id")
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"submitted_by" uuid NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" "review_decision",
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"return_reason" text,
	CONSTRAINT "submissions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "hazards" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"unit_id" uuid NOT NULL,
	"location" text NOT NULL,
	"industry" text,
	"level" "hazard_level" NOT NULL,
	"source" "hazard_source" NOT NULL,
	"found_on" date NOT NULL,
	"found_by" uuid,
	"assignment_id" uuid,
	"measures" text,
	"interim_measures" text,
	"funds" numeric(14, 2),
	"responsible_unit_id" uuid,
	"responsible_person" text,
	"rectification_deadline" date,
	"status" "hazard_status" DEFAULT 'reported' NOT NULL,
	"rectified_on" date,
	"rectified_by" uuid,
	"rectification_note" text,
	"verified_by" uuid,
	"verification_result" text,
	"closed_on" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hazards_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "public_reports" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"follow_up_code" text NOT NULL,
	"description" text NOT NULL,
	"location" text NOT NULL,
	"contact" text,
	"status" "public_report_status" DEFAULT 'received' NOT NULL,
	"public_reply" text,
	"hazard_id" uuid,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"source_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "public_reports_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "files" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"purpose" "file_purpose" NOT NULL,
	"submission_id" uuid,
	"hazard_id" uuid,
	"public_report_id" uuid,
	"storage_key" text NOT NULL,
	"original_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "files_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "files_one_owner" CHECK (num_nonnulls("files"."submission_id", "files"."hazard_id", "files"."public_report_id") = 1)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"actor_user_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid,
	"before" jsonb,
	"after" jsonb,
	"system" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "audit_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"title" text NOT NULL,
	"body" text,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_org_id_unit_id_units_org_id_id_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_parent_id_organizations_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_org_id_campaign_id_campaigns_org_id_id_fk" FOREIGN KEY ("org_id","campaign_id") REFERENCES "public"."campaigns"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "phases" ADD CONSTRAINT "phases_org_id_campaign_id_campaigns_org_id_id_fk" FOREIGN KEY ("org_id","campaign_id") REFERENCES "public"."campaigns"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_figures" ADD CONSTRAINT "task_figures_org_id_task_id_tasks_org_id_id_fk" FOREIGN KEY ("org_id","task_id") REFERENCES "public"."tasks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_campaign_id_campaigns_org_id_id_fk" FOREIGN KEY ("org_id","campaign_id") REFERENCES "public"."campaigns"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_activity_id_activities_org_id_id_fk" FOREIGN KEY ("org_id","activity_id") REFERENCES "public"."activities"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_phase_id_phases_org_id_id_fk" FOREIGN KEY ("org_id","phase_id") REFERENCES "public"."phases"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_org_id_owner_unit_id_units_org_id_id_fk" FOREIGN KEY ("org_id","owner_unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_events" ADD CONSTRAINT "assignment_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignment_events" ADD CONSTRAINT "assignment_events_org_id_assignment_id_assignments_org_id_id_fk" FOREIGN KEY ("org_id","assignment_id") REFERENCES "public"."assignments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_org_id_task_id_tasks_org_id_id_fk" FOREIGN KEY ("org_id","task_id") REFERENCES "public"."tasks"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_org_id_unit_id_units_org_id_id_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extension_requests" ADD CONSTRAINT "extension_requests_org_id_assignment_id_assignments_org_id_id_fk" FOREIGN KEY ("org_id","assignment_id") REFERENCES "public"."assignments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_figure_values" ADD CONSTRAINT "submission_figure_values_org_id_submission_id_submissions_org_id_id_fk" FOREIGN KEY ("org_id","submission_id") REFERENCES "public"."submissions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submission_figure_values" ADD CONSTRAINT "submission_figure_values_org_id_figure_id_task_figures_org_id_id_fk" FOREIGN KEY ("org_id","figure_id") REFERENCES "public"."task_figures"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_org_id_assignment_id_assignments_org_id_id_fk" FOREIGN KEY ("org_id","assignment_id") REFERENCES "public"."assignments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_found_by_users_id_fk" FOREIGN KEY ("found_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_rectified_by_users_id_fk" FOREIGN KEY ("rectified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_org_id_unit_id_units_org_id_id_fk" FOREIGN KEY ("org_id","unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_org_id_responsible_unit_id_units_org_id_id_fk" FOREIGN KEY ("org_id","responsible_unit_id") REFERENCES "public"."units"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hazards" ADD CONSTRAINT "hazards_org_id_assignment_id_assignments_org_id_id_fk" FOREIGN KEY ("org_id","assignment_id") REFERENCES "public"."assignments"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_reports" ADD CONSTRAINT "public_reports_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "public_reports" ADD CONSTRAINT "public_reports_org_id_hazard_id_hazards_org_id_id_fk" FOREIGN KEY ("org_id","hazard_id") REFERENCES "public"."hazards"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_org_id_submission_id_submissions_org_id_id_fk" FOREIGN KEY ("org_id","submission_id") REFERENCES "public"."submissions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_org_id_hazard_id_hazards_org_id_id_fk" FOREIGN KEY ("org_id","hazard_id") REFERENCES "public"."hazards"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_org_id_public_report_id_public_reports_org_id_id_fk" FOREIGN KEY ("org_id","public_report_id") REFERENCES "public"."public_reports"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_user_id_users_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "memberships_org_user_key" ON "memberships" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE INDEX "memberships_user_idx" ON "memberships" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "memberships_org_unit_idx" ON "memberships" USING btree ("org_id","unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_code_key" ON "organizations" USING btree ("code");--> statement-breakpoint
CREATE INDEX "organizations_parent_idx" ON "organizations" USING btree ("parent_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_org_code_key" ON "units" USING btree ("org_id","code");--> statement-breakpoint
CREATE INDEX "units_org_kind_idx" ON "units" USING btree ("org_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree ("username");--> statement-breakpoint
CREATE UNIQUE INDEX "users_phone_key" ON "users" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "activities_org_campaign_idx" ON "activities" USING btree ("org_id","campaign_id");--> statement-breakpoint
CREATE INDEX "campaigns_org_status_idx" ON "campaigns" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "campaigns_org_template_idx" ON "campaigns" USING btree ("org_id","template_key");--> statement-breakpoint
CREATE INDEX "phases_org_campaign_idx" ON "phases" USING btree ("org_id","campaign_id");--> statement-breakpoint
CREATE INDEX "task_figures_org_task_idx" ON "task_figures" USING btree ("org_id","task_id");--> statement-breakpoint
CREATE INDEX "tasks_org_campaign_idx" ON "tasks" USING btree ("org_id","campaign_id");--> statement-breakpoint
CREATE INDEX "tasks_org_activity_idx" ON "tasks" USING btree ("org_id","activity_id");--> statement-breakpoint
CREATE INDEX "tasks_org_series_idx" ON "tasks" USING btree ("org_id","series_id");--> statement-breakpoint
CREATE INDEX "assignment_events_org_assignment_idx" ON "assignment_events" USING btree ("org_id","assignment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_org_task_unit_key" ON "assignments" USING btree ("org_id","task_id","unit_id");--> statement-breakpoint
CREATE INDEX "assignments_org_unit_status_idx" ON "assignments" USING btree ("org_id","unit_id","status");--> statement-breakpoint
CREATE INDEX "assignments_org_status_idx" ON "assignments" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "extension_requests_org_status_idx" ON "extension_requests" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "extension_requests_org_assignment_idx" ON "extension_requests" USING btree ("org_id","assignment_id");--> statement-breakpoint
CREATE INDEX "submission_figure_values_org_figure_idx" ON "submission_figure_values" USING btree ("org_id","figure_id");--> statement-breakpoint
CREATE INDEX "submissions_org_assignment_idx" ON "submissions" USING btree ("org_id","assignment_id","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "hazards_org_number_key" ON "hazards" USING btree ("org_id","number");--> statement-breakpoint
CREATE INDEX "hazards_org_status_level_idx" ON "hazards" USING btree ("org_id","status","level");--> statement-breakpoint
CREATE INDEX "hazards_org_unit_idx" ON "hazards" USING btree ("org_id","unit_id");--> statement-breakpoint
CREATE INDEX "hazards_org_assignment_idx" ON "hazards" USING btree ("org_id","assignment_id");--> statement-breakpoint
CREATE UNIQUE INDEX "public_reports_code_key" ON "public_reports" USING btree ("follow_up_code");--> statement-breakpoint
CREATE INDEX "public_reports_org_status_idx" ON "public_reports" USING btree ("org_id","status");--> statement-breakpoint
CREATE INDEX "public_reports_source_created_idx" ON "public_reports" USING btree ("source_hash","created_at");--> statement-breakpoint
CREATE INDEX "files_org_submission_idx" ON "files" USING btree ("org_id","submission_id");--> statement-breakpoint
CREATE INDEX "files_org_hazard_idx" ON "files" USING btree ("org_id","hazard_id");--> statement-breakpoint
CREATE INDEX "audit_events_org_created_idx" ON "audit_events" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_org_entity_idx" ON "audit_events" USING btree ("org_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "notifications_org_user_idx" ON "notifications" USING btree ("org_id","user_id","created_at");