CREATE TYPE "public"."channel_kind" AS ENUM('email', 'dingtalk', 'wecom', 'feishu');--> statement-breakpoint
CREATE TYPE "public"."delivery_status" AS ENUM('pending', 'sending', 'sent', 'failed');--> statement-breakpoint
CREATE TYPE "public"."escalation_level" AS ENUM('blue', 'yellow', 'red');--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'due_soon';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'overdue';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'ack_chase';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'escalation';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'supervision';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'digest';--> statement-breakpoint
ALTER TYPE "public"."notification_kind" ADD VALUE 'period_open';--> statement-breakpoint
CREATE TABLE "deliveries" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"idempotency_key" text NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"channel" "channel_kind" NOT NULL,
	"robot_id" uuid,
	"recipient_user_id" uuid,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"mentions" text[] DEFAULT '{}' NOT NULL,
	"status" "delivery_status" DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"not_before" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"last_response" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "dispatches" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"kind" "notification_kind" NOT NULL,
	"assignment_id" uuid,
	"level" "escalation_level",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dispatches_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "reach_settings" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"reminder_days" smallint[] DEFAULT '{3,1}' NOT NULL,
	"overdue_notice" boolean DEFAULT true NOT NULL,
	"escalation_days" smallint[] DEFAULT '{0,3,7}' NOT NULL,
	"ack_limit_hours" integer DEFAULT 24 NOT NULL,
	"digest_hour" smallint DEFAULT 8 NOT NULL,
	"quiet_start_hour" smallint DEFAULT 22 NOT NULL,
	"quiet_end_hour" smallint DEFAULT 7 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "robot_connections" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" "channel_kind" NOT NULL,
	"name" text NOT NULL,
	"webhook_url" text NOT NULL,
	"secret" text,
	"for_liaisons" boolean DEFAULT true NOT NULL,
	"for_leaders" boolean DEFAULT true NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "robot_connections_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "supervision_orders" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"assignment_id" uuid NOT NULL,
	"level" "escalation_level" NOT NULL,
	"note" text NOT NULL,
	"issued_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supervision_orders_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "responsible_email" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "supervisor_user_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email_notifications" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "activities" ADD COLUMN "supervisor_user_id" uuid;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "ack_limit_hours" integer;--> statement-breakpoint
ALTER TABLE "assignments" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dispatches" ADD CONSTRAINT "dispatches_org_id_assignment_id_assignments_org_id_id_fk" FOREIGN KEY ("org_id","assignment_id") REFERENCES "public"."assignments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_settings" ADD CONSTRAINT "reach_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reach_settings" ADD CONSTRAINT "reach_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "robot_connections" ADD CONSTRAINT "robot_connections_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "robot_connections" ADD CONSTRAINT "robot_connections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD CONSTRAINT "supervision_orders_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD CONSTRAINT "supervision_orders_issued_by_users_id_fk" FOREIGN KEY ("issued_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supervision_orders" ADD CONSTRAINT "supervision_orders_org_id_assignment_id_assignments_org_id_id_fk" FOREIGN KEY ("org_id","assignment_id") REFERENCES "public"."assignments"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_org_idempotency_key" ON "deliveries" USING btree ("org_id","idempotency_key");--> statement-breakpoint
CREATE INDEX "deliveries_org_created_idx" ON "deliveries" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "deliveries_due_idx" ON "deliveries" USING btree ("status","not_before");--> statement-breakpoint
CREATE UNIQUE INDEX "dispatches_org_key" ON "dispatches" USING btree ("org_id","key");--> statement-breakpoint
CREATE INDEX "dispatches_org_assignment_idx" ON "dispatches" USING btree ("org_id","assignment_id");--> statement-breakpoint
CREATE INDEX "robot_connections_org_idx" ON "robot_connections" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "supervision_orders_org_assignment_idx" ON "supervision_orders" USING btree ("org_id","assignment_id");--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_supervisor_user_id_users_id_fk" FOREIGN KEY ("supervisor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_supervisor_user_id_users_id_fk" FOREIGN KEY ("supervisor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;