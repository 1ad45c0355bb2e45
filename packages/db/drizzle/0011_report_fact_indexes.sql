DROP INDEX "gap_facts_date_idx";--> statement-breakpoint
CREATE INDEX "rejection_facts_owed_idx" ON "rejection_facts" USING btree ("agency_id","consultant_id","outcome_at") WHERE not "rejection_facts"."published";--> statement-breakpoint
CREATE INDEX "rejection_facts_agency_owed_idx" ON "rejection_facts" USING btree ("agency_id","outcome_at") WHERE not "rejection_facts"."published";--> statement-breakpoint
CREATE INDEX "gap_facts_date_idx" ON "gap_facts" USING btree ("agency_id","outcome_at","lens","stage","month","reason_id","competency_id","client_id","job_id");