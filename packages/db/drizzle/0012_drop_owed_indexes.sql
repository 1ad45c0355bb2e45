DROP INDEX "feedback_published_interview_idx";--> statement-breakpoint
DROP INDEX "interviews_rejected_consultant_idx";--> statement-breakpoint
CREATE INDEX "interviews_rejected_consultant_idx" ON "interviews" USING btree ("agency_id","consultant_id","outcome_at") WHERE "interviews"."outcome" = 'rejected';