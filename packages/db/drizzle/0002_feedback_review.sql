ALTER TABLE "feedback" ADD COLUMN "last_edited_by_id" uuid;--> statement-breakpoint
ALTER TABLE "feedback" ADD COLUMN "review_comment" text;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_agency_id_last_edited_by_id_users_agency_id_id_fk" FOREIGN KEY ("agency_id","last_edited_by_id") REFERENCES "public"."users"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "feedback_agency_last_edited_by_idx" ON "feedback" USING btree ("agency_id","last_edited_by_id");