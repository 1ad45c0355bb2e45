DROP INDEX "clarification_messages_feedback_idx";--> statement-breakpoint
DROP INDEX "interviews_rejected_consultant_idx";--> statement-breakpoint
CREATE INDEX "clarification_messages_latest_idx" ON "clarification_messages" USING btree ("agency_id","feedback_id","created_at" DESC NULLS FIRST,"author_id","id");--> statement-breakpoint
CREATE INDEX "feedback_published_interview_idx" ON "feedback" USING btree ("agency_id","interview_id") WHERE "feedback"."status" = 'published';--> statement-breakpoint
CREATE INDEX "feedback_in_review_idx" ON "feedback" USING btree ("agency_id","submitted_at") WHERE "feedback"."status" = 'in_review';--> statement-breakpoint
CREATE INDEX "feedback_draft_author_idx" ON "feedback" USING btree ("agency_id","author_id","updated_at") WHERE "feedback"."status" = 'draft';--> statement-breakpoint
CREATE INDEX "goals_agency_updated_idx" ON "goals" USING btree ("agency_id","updated_at");--> statement-breakpoint
CREATE INDEX "users_staff_idx" ON "users" USING btree ("agency_id","id") WHERE "users"."role" <> 'candidate';--> statement-breakpoint
CREATE INDEX "interviews_rejected_consultant_idx" ON "interviews" USING btree ("agency_id","consultant_id","outcome_at","id") WHERE "interviews"."outcome" = 'rejected';