CREATE TYPE "public"."data_request_kind" AS ENUM('export', 'erasure');--> statement-breakpoint
CREATE TYPE "public"."data_request_status" AS ENUM('pending', 'completed', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."feedback_status" AS ENUM('draft', 'in_review', 'published', 'retracted');--> statement-breakpoint
CREATE TYPE "public"."goal_status" AS ENUM('not_started', 'in_progress', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."item_kind" AS ENUM('strength', 'gap');--> statement-breakpoint
CREATE TYPE "public"."journal_kind" AS ENUM('reflection', 'win', 'preparation');--> statement-breakpoint
CREATE TYPE "public"."feedback_lens" AS ENUM('skills_experience', 'other_applicants', 'interview_style');--> statement-breakpoint
CREATE TYPE "public"."interview_outcome" AS ENUM('pending', 'progressed', 'offered', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'consultant', 'candidate');--> statement-breakpoint
CREATE TYPE "public"."seniority" AS ENUM('junior', 'mid', 'senior', 'lead', 'executive');--> statement-breakpoint
CREATE TYPE "public"."interview_stage" AS ENUM('screening', 'first', 'second', 'final', 'assessment');--> statement-breakpoint
CREATE TYPE "public"."user_status" AS ENUM('invited', 'active', 'disabled');--> statement-breakpoint
CREATE TABLE "clarification_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"feedback_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"interview_id" uuid NOT NULL,
	"status" "feedback_status" DEFAULT 'draft' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"author_id" uuid NOT NULL,
	"approver_id" uuid,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"first_published_at" timestamp with time zone,
	"retracted_at" timestamp with time zone,
	"retraction_reason" text,
	"fairness_override_reason" text,
	"read_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_agency_id_id_key" UNIQUE("agency_id","id"),
	CONSTRAINT "feedback_interview_key" UNIQUE("agency_id","interview_id"),
	CONSTRAINT "feedback_published_at_iff_published" CHECK (("feedback"."status" = 'published') = ("feedback"."published_at" is not null)),
	CONSTRAINT "feedback_retracted_has_reason" CHECK ("feedback"."status" <> 'retracted' or ("feedback"."retracted_at" is not null and "feedback"."retraction_reason" is not null)),
	CONSTRAINT "feedback_version_positive" CHECK ("feedback"."version" > 0)
);
--> statement-breakpoint
CREATE TABLE "feedback_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"feedback_id" uuid NOT NULL,
	"lens" "feedback_lens" NOT NULL,
	"kind" "item_kind" NOT NULL,
	"competency_id" uuid,
	"reason_id" uuid,
	"detail" text NOT NULL,
	"next_step" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_items_agency_id_id_key" UNIQUE("agency_id","id"),
	CONSTRAINT "feedback_items_reason_on_gaps" CHECK ("feedback_items"."kind" = 'gap' or "feedback_items"."reason_id" is null)
);
--> statement-breakpoint
CREATE TABLE "feedback_revisions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"feedback_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"summary" text NOT NULL,
	"items" jsonb NOT NULL,
	"edited_by_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "feedback_revisions_version_key" UNIQUE("agency_id","feedback_id","version")
);
--> statement-breakpoint
CREATE TABLE "item_responses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"feedback_item_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"helpful" boolean NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "item_responses_item_candidate_key" UNIQUE("agency_id","feedback_item_id","candidate_id")
);
--> statement-breakpoint
CREATE TABLE "candidates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"user_id" uuid,
	"owner_id" uuid NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"headline" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "candidates_agency_id_id_key" UNIQUE("agency_id","id"),
	CONSTRAINT "candidates_user_key" UNIQUE("user_id"),
	CONSTRAINT "candidates_agency_email_key" UNIQUE("agency_id","email")
);
--> statement-breakpoint
CREATE TABLE "client_feedback_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"interview_id" uuid NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"recipient_email" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"answered_at" timestamp with time zone,
	"answers" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "client_feedback_requests_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"industry" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "clients_agency_id_id_key" UNIQUE("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "interviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"consultant_id" uuid NOT NULL,
	"stage" "interview_stage" NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"outcome" "interview_outcome" DEFAULT 'pending' NOT NULL,
	"outcome_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interviews_agency_id_id_key" UNIQUE("agency_id","id"),
	CONSTRAINT "interviews_outcome_dated" CHECK (("interviews"."outcome" = 'pending') = ("interviews"."outcome_at" is null))
);
--> statement-breakpoint
CREATE TABLE "job_competencies" (
	"agency_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"competency_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_competencies_agency_id_job_id_competency_id_pk" PRIMARY KEY("agency_id","job_id","competency_id")
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"title" text NOT NULL,
	"seniority" "seniority" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "jobs_agency_id_id_key" UNIQUE("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "action_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"feedback_id" uuid,
	"title" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "action_plans_agency_id_id_key" UNIQUE("agency_id","id")
);
--> statement-breakpoint
CREATE TABLE "goal_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_items" (
	"agency_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"feedback_item_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_items_agency_id_goal_id_feedback_item_id_pk" PRIMARY KEY("agency_id","goal_id","feedback_item_id")
);
--> statement-breakpoint
CREATE TABLE "goal_steps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date,
	"done_at" timestamp with time zone,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"action_plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"measure" text NOT NULL,
	"target_date" date NOT NULL,
	"status" "goal_status" DEFAULT 'not_started' NOT NULL,
	"dropped_reason" text,
	"completed_at" timestamp with time zone,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goals_agency_id_id_key" UNIQUE("agency_id","id"),
	CONSTRAINT "goals_dropped_has_reason" CHECK ("goals"."status" <> 'dropped' or "goals"."dropped_reason" is not null)
);
--> statement-breakpoint
CREATE TABLE "journal_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"kind" "journal_kind" NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"interview_id" uuid,
	"goal_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid,
	"request_id" text,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"kind" "data_request_kind" NOT NULL,
	"status" "data_request_status" DEFAULT 'pending' NOT NULL,
	"requested_by_id" uuid NOT NULL,
	"completed_at" timestamp with time zone,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"link" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"payload" jsonb NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"processed_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "competencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "competencies_agency_id_id_key" UNIQUE("agency_id","id"),
	CONSTRAINT "competencies_agency_name_key" UNIQUE("agency_id","name")
);
--> statement-breakpoint
CREATE TABLE "reasons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"label" text NOT NULL,
	"description" text,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reasons_agency_id_id_key" UNIQUE("agency_id","id"),
	CONSTRAINT "reasons_agency_label_key" UNIQUE("agency_id","label")
);
--> statement-breakpoint
CREATE TABLE "template_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"lens" "feedback_lens" NOT NULL,
	"kind" "item_kind" NOT NULL,
	"competency_id" uuid,
	"reason_id" uuid,
	"detail" text DEFAULT '' NOT NULL,
	"next_step" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "template_items_reason_on_gaps" CHECK ("template_items"."kind" = 'gap' or "template_items"."reason_id" is null)
);
--> statement-breakpoint
CREATE TABLE "templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "templates_agency_id_id_key" UNIQUE("agency_id","id"),
	CONSTRAINT "templates_agency_name_key" UNIQUE("agency_id","name")
);
--> statement-breakpoint
CREATE TABLE "agencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"feedback_sla_hours" integer DEFAULT 72 NOT NULL,
	"require_approval" boolean DEFAULT false NOT NULL,
	"retention_months" integer DEFAULT 12 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agencies_slug_unique" UNIQUE("slug"),
	CONSTRAINT "agencies_sla_positive" CHECK ("agencies"."feedback_sla_hours" between 1 and 2160),
	CONSTRAINT "agencies_retention_positive" CHECK ("agencies"."retention_months" between 1 and 120)
);
--> statement-breakpoint
CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"invited_by_id" uuid,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_tokenHash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agency_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "user_role" NOT NULL,
	"status" "user_status" DEFAULT 'invited' NOT NULL,
	"password_hash" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_agency_id_id_key" UNIQUE("agency_id","id"),
	CONSTRAINT "users_active_has_password" CHECK ("users"."status" <> 'active' or "users"."password_hash" is not null)
);
--> statement-breakpoint
ALTER TABLE "clarification_messages" ADD CONSTRAINT "clarification_messages_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clarification_messages" ADD CONSTRAINT "clarification_messages_agency_id_feedback_id_feedback_agency_id_id_fk" FOREIGN KEY ("agency_id","feedback_id") REFERENCES "public"."feedback"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clarification_messages" ADD CONSTRAINT "clarification_messages_agency_id_author_id_users_agency_id_id_fk" FOREIGN KEY ("agency_id","author_id") REFERENCES "public"."users"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_agency_id_interview_id_interviews_agency_id_id_fk" FOREIGN KEY ("agency_id","interview_id") REFERENCES "public"."interviews"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_agency_id_author_id_users_agency_id_id_fk" FOREIGN KEY ("agency_id","author_id") REFERENCES "public"."users"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_agency_id_approver_id_users_agency_id_id_fk" FOREIGN KEY ("agency_id","approver_id") REFERENCES "public"."users"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_agency_id_feedback_id_feedback_agency_id_id_fk" FOREIGN KEY ("agency_id","feedback_id") REFERENCES "public"."feedback"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_agency_id_competency_id_competencies_agency_id_id_fk" FOREIGN KEY ("agency_id","competency_id") REFERENCES "public"."competencies"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_items" ADD CONSTRAINT "feedback_items_agency_id_reason_id_reasons_agency_id_id_fk" FOREIGN KEY ("agency_id","reason_id") REFERENCES "public"."reasons"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_revisions" ADD CONSTRAINT "feedback_revisions_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_revisions" ADD CONSTRAINT "feedback_revisions_agency_id_feedback_id_feedback_agency_id_id_fk" FOREIGN KEY ("agency_id","feedback_id") REFERENCES "public"."feedback"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_revisions" ADD CONSTRAINT "feedback_revisions_agency_id_edited_by_id_users_agency_id_id_fk" FOREIGN KEY ("agency_id","edited_by_id") REFERENCES "public"."users"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_responses" ADD CONSTRAINT "item_responses_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_responses" ADD CONSTRAINT "item_responses_agency_id_feedback_item_id_feedback_items_agency_id_id_fk" FOREIGN KEY ("agency_id","feedback_item_id") REFERENCES "public"."feedback_items"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "item_responses" ADD CONSTRAINT "item_responses_agency_id_candidate_id_candidates_agency_id_id_fk" FOREIGN KEY ("agency_id","candidate_id") REFERENCES "public"."candidates"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_agency_id_user_id_users_agency_id_id_fk" FOREIGN KEY ("agency_id","user_id") REFERENCES "public"."users"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "candidates" ADD CONSTRAINT "candidates_agency_id_owner_id_users_agency_id_id_fk" FOREIGN KEY ("agency_id","owner_id") REFERENCES "public"."users"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_feedback_requests" ADD CONSTRAINT "client_feedback_requests_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_feedback_requests" ADD CONSTRAINT "client_feedback_requests_agency_id_interview_id_interviews_agency_id_id_fk" FOREIGN KEY ("agency_id","interview_id") REFERENCES "public"."interviews"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_feedback_requests" ADD CONSTRAINT "client_feedback_requests_agency_id_requested_by_id_users_agency_id_id_fk" FOREIGN KEY ("agency_id","requested_by_id") REFERENCES "public"."users"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "clients" ADD CONSTRAINT "clients_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_agency_id_candidate_id_candidates_agency_id_id_fk" FOREIGN KEY ("agency_id","candidate_id") REFERENCES "public"."candidates"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_agency_id_job_id_jobs_agency_id_id_fk" FOREIGN KEY ("agency_id","job_id") REFERENCES "public"."jobs"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interviews" ADD CONSTRAINT "interviews_agency_id_consultant_id_users_agency_id_id_fk" FOREIGN KEY ("agency_id","consultant_id") REFERENCES "public"."users"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_competencies" ADD CONSTRAINT "job_competencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_competencies" ADD CONSTRAINT "job_competencies_agency_id_job_id_jobs_agency_id_id_fk" FOREIGN KEY ("agency_id","job_id") REFERENCES "public"."jobs"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_competencies" ADD CONSTRAINT "job_competencies_agency_id_competency_id_competencies_agency_id_id_fk" FOREIGN KEY ("agency_id","competency_id") REFERENCES "public"."competencies"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_agency_id_client_id_clients_agency_id_id_fk" FOREIGN KEY ("agency_id","client_id") REFERENCES "public"."clients"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_agency_id_candidate_id_candidates_agency_id_id_fk" FOREIGN KEY ("agency_id","candidate_id") REFERENCES "public"."candidates"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_plans" ADD CONSTRAINT "action_plans_agency_id_feedback_id_feedback_agency_id_id_fk" FOREIGN KEY ("agency_id","feedback_id") REFERENCES "public"."feedback"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_comments" ADD CONSTRAINT "goal_comments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_comments" ADD CONSTRAINT "goal_comments_agency_id_goal_id_goals_agency_id_id_fk" FOREIGN KEY ("agency_id","goal_id") REFERENCES "public"."goals"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_comments" ADD CONSTRAINT "goal_comments_agency_id_author_id_users_agency_id_id_fk" FOREIGN KEY ("agency_id","author_id") REFERENCES "public"."users"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_items" ADD CONSTRAINT "goal_items_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_items" ADD CONSTRAINT "goal_items_agency_id_goal_id_goals_agency_id_id_fk" FOREIGN KEY ("agency_id","goal_id") REFERENCES "public"."goals"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_items" ADD CONSTRAINT "goal_items_agency_id_feedback_item_id_feedback_items_agency_id_id_fk" FOREIGN KEY ("agency_id","feedback_item_id") REFERENCES "public"."feedback_items"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_steps" ADD CONSTRAINT "goal_steps_agency_id_goal_id_goals_agency_id_id_fk" FOREIGN KEY ("agency_id","goal_id") REFERENCES "public"."goals"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_agency_id_action_plan_id_action_plans_agency_id_id_fk" FOREIGN KEY ("agency_id","action_plan_id") REFERENCES "public"."action_plans"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_agency_id_candidate_id_candidates_agency_id_id_fk" FOREIGN KEY ("agency_id","candidate_id") REFERENCES "public"."candidates"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_agency_id_interview_id_interviews_agency_id_id_fk" FOREIGN KEY ("agency_id","interview_id") REFERENCES "public"."interviews"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "journal_entries" ADD CONSTRAINT "journal_entries_agency_id_goal_id_goals_agency_id_id_fk" FOREIGN KEY ("agency_id","goal_id") REFERENCES "public"."goals"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_agency_id_candidate_id_candidates_agency_id_id_fk" FOREIGN KEY ("agency_id","candidate_id") REFERENCES "public"."candidates"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "data_requests" ADD CONSTRAINT "data_requests_agency_id_requested_by_id_users_agency_id_id_fk" FOREIGN KEY ("agency_id","requested_by_id") REFERENCES "public"."users"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_agency_id_user_id_users_agency_id_id_fk" FOREIGN KEY ("agency_id","user_id") REFERENCES "public"."users"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competencies" ADD CONSTRAINT "competencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reasons" ADD CONSTRAINT "reasons_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_items" ADD CONSTRAINT "template_items_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_items" ADD CONSTRAINT "template_items_agency_id_template_id_templates_agency_id_id_fk" FOREIGN KEY ("agency_id","template_id") REFERENCES "public"."templates"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_items" ADD CONSTRAINT "template_items_agency_id_competency_id_competencies_agency_id_id_fk" FOREIGN KEY ("agency_id","competency_id") REFERENCES "public"."competencies"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_items" ADD CONSTRAINT "template_items_agency_id_reason_id_reasons_agency_id_id_fk" FOREIGN KEY ("agency_id","reason_id") REFERENCES "public"."reasons"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_agency_id_user_id_users_agency_id_id_fk" FOREIGN KEY ("agency_id","user_id") REFERENCES "public"."users"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_agency_id_invited_by_id_users_agency_id_id_fk" FOREIGN KEY ("agency_id","invited_by_id") REFERENCES "public"."users"("agency_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clarification_messages_feedback_idx" ON "clarification_messages" USING btree ("agency_id","feedback_id","created_at");--> statement-breakpoint
CREATE INDEX "clarification_messages_author_idx" ON "clarification_messages" USING btree ("agency_id","author_id");--> statement-breakpoint
CREATE INDEX "feedback_agency_status_idx" ON "feedback" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "feedback_agency_author_idx" ON "feedback" USING btree ("agency_id","author_id");--> statement-breakpoint
CREATE INDEX "feedback_agency_approver_idx" ON "feedback" USING btree ("agency_id","approver_id");--> statement-breakpoint
CREATE INDEX "feedback_agency_published_idx" ON "feedback" USING btree ("agency_id","published_at");--> statement-breakpoint
CREATE INDEX "feedback_items_feedback_idx" ON "feedback_items" USING btree ("agency_id","feedback_id","lens","position");--> statement-breakpoint
CREATE INDEX "feedback_items_competency_idx" ON "feedback_items" USING btree ("agency_id","competency_id");--> statement-breakpoint
CREATE INDEX "feedback_items_reason_idx" ON "feedback_items" USING btree ("agency_id","reason_id");--> statement-breakpoint
CREATE INDEX "feedback_revisions_edited_by_idx" ON "feedback_revisions" USING btree ("agency_id","edited_by_id");--> statement-breakpoint
CREATE INDEX "item_responses_candidate_idx" ON "item_responses" USING btree ("agency_id","candidate_id");--> statement-breakpoint
CREATE INDEX "candidates_agency_owner_idx" ON "candidates" USING btree ("agency_id","owner_id");--> statement-breakpoint
CREATE INDEX "candidates_agency_name_idx" ON "candidates" USING btree ("agency_id","name");--> statement-breakpoint
CREATE INDEX "client_feedback_requests_interview_idx" ON "client_feedback_requests" USING btree ("agency_id","interview_id");--> statement-breakpoint
CREATE INDEX "client_feedback_requests_requested_by_idx" ON "client_feedback_requests" USING btree ("agency_id","requested_by_id");--> statement-breakpoint
CREATE INDEX "clients_agency_name_idx" ON "clients" USING btree ("agency_id","name");--> statement-breakpoint
CREATE INDEX "interviews_agency_candidate_idx" ON "interviews" USING btree ("agency_id","candidate_id");--> statement-breakpoint
CREATE INDEX "interviews_agency_job_idx" ON "interviews" USING btree ("agency_id","job_id");--> statement-breakpoint
CREATE INDEX "interviews_agency_consultant_idx" ON "interviews" USING btree ("agency_id","consultant_id");--> statement-breakpoint
CREATE INDEX "interviews_agency_outcome_idx" ON "interviews" USING btree ("agency_id","outcome","outcome_at");--> statement-breakpoint
CREATE INDEX "interviews_agency_scheduled_idx" ON "interviews" USING btree ("agency_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "job_competencies_competency_idx" ON "job_competencies" USING btree ("agency_id","competency_id");--> statement-breakpoint
CREATE INDEX "jobs_agency_client_idx" ON "jobs" USING btree ("agency_id","client_id");--> statement-breakpoint
CREATE INDEX "action_plans_candidate_idx" ON "action_plans" USING btree ("agency_id","candidate_id");--> statement-breakpoint
CREATE INDEX "action_plans_feedback_idx" ON "action_plans" USING btree ("agency_id","feedback_id");--> statement-breakpoint
CREATE INDEX "goal_comments_goal_idx" ON "goal_comments" USING btree ("agency_id","goal_id","created_at");--> statement-breakpoint
CREATE INDEX "goal_comments_author_idx" ON "goal_comments" USING btree ("agency_id","author_id");--> statement-breakpoint
CREATE INDEX "goal_items_item_idx" ON "goal_items" USING btree ("agency_id","feedback_item_id");--> statement-breakpoint
CREATE INDEX "goal_steps_goal_idx" ON "goal_steps" USING btree ("agency_id","goal_id","position");--> statement-breakpoint
CREATE INDEX "goals_plan_idx" ON "goals" USING btree ("agency_id","action_plan_id","position");--> statement-breakpoint
CREATE INDEX "goals_agency_status_idx" ON "goals" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "journal_entries_candidate_idx" ON "journal_entries" USING btree ("agency_id","candidate_id","created_at");--> statement-breakpoint
CREATE INDEX "journal_entries_interview_idx" ON "journal_entries" USING btree ("agency_id","interview_id");--> statement-breakpoint
CREATE INDEX "journal_entries_goal_idx" ON "journal_entries" USING btree ("agency_id","goal_id");--> statement-breakpoint
CREATE INDEX "audit_events_agency_created_idx" ON "audit_events" USING btree ("agency_id","created_at");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("agency_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("agency_id","actor_id");--> statement-breakpoint
CREATE INDEX "data_requests_candidate_idx" ON "data_requests" USING btree ("agency_id","candidate_id");--> statement-breakpoint
CREATE INDEX "data_requests_status_idx" ON "data_requests" USING btree ("agency_id","status");--> statement-breakpoint
CREATE INDEX "data_requests_requested_by_idx" ON "data_requests" USING btree ("agency_id","requested_by_id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("agency_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("processed_at","available_at");--> statement-breakpoint
CREATE INDEX "template_items_template_idx" ON "template_items" USING btree ("agency_id","template_id","position");--> statement-breakpoint
CREATE INDEX "template_items_competency_idx" ON "template_items" USING btree ("agency_id","competency_id");--> statement-breakpoint
CREATE INDEX "template_items_reason_idx" ON "template_items" USING btree ("agency_id","reason_id");--> statement-breakpoint
CREATE INDEX "invitations_agency_user_idx" ON "invitations" USING btree ("agency_id","user_id");--> statement-breakpoint
CREATE INDEX "invitations_agency_invited_by_idx" ON "invitations" USING btree ("agency_id","invited_by_id");--> statement-breakpoint
CREATE INDEX "login_attempts_key_created_idx" ON "login_attempts" USING btree ("key","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_agency_role_idx" ON "users" USING btree ("agency_id","role");