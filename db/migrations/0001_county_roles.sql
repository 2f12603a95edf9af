ALTER TYPE "public"."role" ADD VALUE 'county_leader';--> statement-breakpoint
ALTER TYPE "public"."role" ADD VALUE 'county_auditor';