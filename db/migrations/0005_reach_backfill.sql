-- Assignments of campaigns already published were told when they were made: the 签收 clock starts there.
UPDATE "assignments" AS a
SET "published_at" = a."created_at"
FROM "tasks" AS t
JOIN "campaigns" AS c ON c."org_id" = t."org_id" AND c."id" = t."campaign_id"
WHERE t."org_id" = a."org_id" AND t."id" = a."task_id" AND c."status" <> 'draft' AND a."published_at" IS NULL;
