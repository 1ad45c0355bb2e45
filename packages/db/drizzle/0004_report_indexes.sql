DROP INDEX "action_plans_candidate_idx";--> statement-breakpoint
CREATE INDEX "interviews_rejected_idx" ON "interviews" USING btree ("agency_id","outcome_at") WHERE "interviews"."outcome" = 'rejected';--> statement-breakpoint
CREATE INDEX "interviews_rejected_consultant_idx" ON "interviews" USING btree ("agency_id","consultant_id","outcome_at") WHERE "interviews"."outcome" = 'rejected';--> statement-breakpoint
CREATE INDEX "interviews_rejected_job_idx" ON "interviews" USING btree ("agency_id","job_id","outcome_at") WHERE "interviews"."outcome" = 'rejected';--> statement-breakpoint
CREATE INDEX "interviews_offered_candidate_idx" ON "interviews" USING btree ("agency_id","candidate_id","outcome_at") WHERE "interviews"."outcome" = 'offered';--> statement-breakpoint
CREATE INDEX "action_plans_candidate_created_idx" ON "action_plans" USING btree ("agency_id","candidate_id","created_at");