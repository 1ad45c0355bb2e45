CREATE TABLE "gap_facts" (
	"agency_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"interview_id" uuid NOT NULL,
	"feedback_id" uuid NOT NULL,
	"consultant_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"stage" "interview_stage" NOT NULL,
	"outcome_at" timestamp with time zone NOT NULL,
	"month" text NOT NULL,
	"lens" "feedback_lens" NOT NULL,
	"reason_id" uuid,
	"competency_id" uuid,
	CONSTRAINT "gap_facts_agency_id_item_id_pk" PRIMARY KEY("agency_id","item_id")
);
--> statement-breakpoint
CREATE TABLE "rejection_facts" (
	"agency_id" uuid NOT NULL,
	"interview_id" uuid NOT NULL,
	"candidate_id" uuid NOT NULL,
	"consultant_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"client_id" uuid NOT NULL,
	"stage" "interview_stage" NOT NULL,
	"outcome_at" timestamp with time zone NOT NULL,
	"month" text NOT NULL,
	"feedback_id" uuid,
	"published" boolean NOT NULL,
	"hours_to_publish" double precision,
	"read_at" timestamp with time zone,
	"acknowledged_at" timestamp with time zone,
	"items" integer NOT NULL,
	"rated" integer NOT NULL,
	"helpful" integer NOT NULL,
	"gaps" integer NOT NULL,
	"with_plan" boolean NOT NULL,
	"goals" integer NOT NULL,
	"goals_done" integer NOT NULL,
	"planned_after" boolean NOT NULL,
	"offered_after" boolean NOT NULL,
	CONSTRAINT "rejection_facts_agency_id_interview_id_pk" PRIMARY KEY("agency_id","interview_id")
);
--> statement-breakpoint
ALTER TABLE "gap_facts" ADD CONSTRAINT "gap_facts_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gap_facts" ADD CONSTRAINT "gap_facts_agency_id_interview_id_rejection_facts_agency_id_interview_id_fk" FOREIGN KEY ("agency_id","interview_id") REFERENCES "public"."rejection_facts"("agency_id","interview_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rejection_facts" ADD CONSTRAINT "rejection_facts_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rejection_facts" ADD CONSTRAINT "rejection_facts_agency_id_interview_id_interviews_agency_id_id_fk" FOREIGN KEY ("agency_id","interview_id") REFERENCES "public"."interviews"("agency_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "gap_facts_interview_idx" ON "gap_facts" USING btree ("agency_id","interview_id");--> statement-breakpoint
CREATE INDEX "gap_facts_date_idx" ON "gap_facts" USING btree ("agency_id","outcome_at");--> statement-breakpoint
CREATE INDEX "gap_facts_consultant_idx" ON "gap_facts" USING btree ("agency_id","consultant_id","outcome_at");--> statement-breakpoint
CREATE INDEX "gap_facts_client_idx" ON "gap_facts" USING btree ("agency_id","client_id","outcome_at");--> statement-breakpoint
CREATE INDEX "gap_facts_job_idx" ON "gap_facts" USING btree ("agency_id","job_id","outcome_at");--> statement-breakpoint
CREATE INDEX "rejection_facts_date_idx" ON "rejection_facts" USING btree ("agency_id","outcome_at");--> statement-breakpoint
CREATE INDEX "rejection_facts_consultant_idx" ON "rejection_facts" USING btree ("agency_id","consultant_id","outcome_at");--> statement-breakpoint
CREATE INDEX "rejection_facts_client_idx" ON "rejection_facts" USING btree ("agency_id","client_id","outcome_at");--> statement-breakpoint
CREATE INDEX "rejection_facts_job_idx" ON "rejection_facts" USING btree ("agency_id","job_id","outcome_at");
--> statement-breakpoint
-- What the facts of each rejected interview are, computed from the source tables. Security
-- invoker, so row-level security applies to whoever reads it (the refresh runs as the writer).
-- Retracted feedback and drafts are not the candidate's: only 'published' counts, and the
-- engagement columns are those of published feedback only.
CREATE VIEW rejection_fact_source WITH (security_invoker = true) AS
SELECT i.agency_id, i.id AS interview_id, i.candidate_id, i.consultant_id, i.job_id, j.client_id,
       i.stage, i.outcome_at, to_char(i.outcome_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month,
       f.id AS feedback_id,
       coalesce(f.status = 'published', false) AS published,
       CASE WHEN f.status = 'published'
            THEN extract(epoch FROM f.first_published_at - i.outcome_at) / 3600.0 END AS hours_to_publish,
       CASE WHEN f.status = 'published' THEN f.read_at END AS read_at,
       CASE WHEN f.status = 'published' THEN f.acknowledged_at END AS acknowledged_at,
       coalesce(resp.items, 0) AS items, coalesce(resp.rated, 0) AS rated,
       coalesce(resp.helpful, 0) AS helpful, coalesce(resp.gaps, 0) AS gaps,
       coalesce(plan.with_plan, false) AS with_plan, coalesce(plan.goals, 0) AS goals,
       coalesce(plan.goals_done, 0) AS goals_done,
       EXISTS (
         SELECT 1 FROM action_plans ap
         WHERE ap.agency_id = i.agency_id AND ap.candidate_id = i.candidate_id
           AND ap.created_at >= i.outcome_at
       ) AS planned_after,
       EXISTS (
         SELECT 1 FROM interviews o
         WHERE o.agency_id = i.agency_id AND o.candidate_id = i.candidate_id
           AND o.outcome = 'offered' AND o.outcome_at > i.outcome_at
       ) AS offered_after
FROM interviews i
JOIN jobs j ON j.agency_id = i.agency_id AND j.id = i.job_id
LEFT JOIN feedback f ON f.agency_id = i.agency_id AND f.interview_id = i.id
-- The candidate's rating of each point: at most one per point and candidate (a unique key).
LEFT JOIN LATERAL (
  SELECT count(*)::int AS items, count(ir.id)::int AS rated,
         (count(ir.id) FILTER (WHERE ir.helpful))::int AS helpful,
         (count(*) FILTER (WHERE fi.kind = 'gap'))::int AS gaps
  FROM feedback_items fi
  LEFT JOIN item_responses ir
    ON ir.agency_id = fi.agency_id AND ir.feedback_item_id = fi.id
   AND ir.candidate_id = i.candidate_id
  WHERE f.status = 'published' AND fi.agency_id = f.agency_id AND fi.feedback_id = f.id
) resp ON true
LEFT JOIN LATERAL (
  SELECT true AS with_plan, count(g.id)::int AS goals,
         (count(g.id) FILTER (WHERE g.status = 'done'))::int AS goals_done
  FROM action_plans ap
  LEFT JOIN goals g ON g.agency_id = ap.agency_id AND g.action_plan_id = ap.id
  WHERE f.status = 'published' AND ap.agency_id = f.agency_id AND ap.feedback_id = f.id
  HAVING count(ap.id) > 0
) plan ON true
WHERE i.outcome = 'rejected';
--> statement-breakpoint
-- The gap points of each rejection's published feedback, with the rejection's dimensions.
CREATE VIEW gap_fact_source WITH (security_invoker = true) AS
SELECT rf.agency_id, fi.id AS item_id, rf.interview_id, rf.feedback_id, rf.consultant_id, rf.job_id,
       rf.client_id, rf.stage, rf.outcome_at, rf.month, fi.lens, fi.reason_id, fi.competency_id
FROM rejection_facts rf
JOIN feedback_items fi ON fi.agency_id = rf.agency_id AND fi.feedback_id = rf.feedback_id
WHERE rf.published AND fi.kind = 'gap';
--> statement-breakpoint
-- Replaces the facts of the given interviews (parallel arrays of agency and interview ids) with
-- what is true now; an interview no longer rejected, or gone, is left with none. Gap facts go with
-- their rejection (foreign key, cascade) and are re-inserted from its published feedback.
CREATE OR REPLACE FUNCTION debrief_report_refresh(p_agencies uuid[], p_interviews uuid[])
RETURNS void LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  IF coalesce(array_length(p_interviews, 1), 0) = 0 THEN
    RETURN;
  END IF;
  DELETE FROM rejection_facts rf
  USING unnest(p_agencies, p_interviews) AS k(agency_id, interview_id)
  WHERE rf.agency_id = k.agency_id AND rf.interview_id = k.interview_id;
  INSERT INTO rejection_facts
    SELECT s.*
    FROM (SELECT DISTINCT * FROM unnest(p_agencies, p_interviews)) AS k(agency_id, interview_id)
    JOIN rejection_fact_source s ON s.agency_id = k.agency_id AND s.interview_id = k.interview_id;
  INSERT INTO gap_facts
    SELECT g.*
    FROM (SELECT DISTINCT * FROM unnest(p_agencies, p_interviews)) AS k(agency_id, interview_id)
    JOIN gap_fact_source g ON g.agency_id = k.agency_id AND g.interview_id = k.interview_id;
END;
$$;
--> statement-breakpoint
-- Every fact again from the source tables: the backfill below, and bulk loads that switch the
-- triggers off (the large seed). Run as the owner.
CREATE OR REPLACE FUNCTION debrief_report_rebuild() RETURNS void
LANGUAGE sql SET search_path = public AS $$
  TRUNCATE gap_facts, rejection_facts;
  -- In date order, so a report's range is read from neighbouring pages.
  INSERT INTO rejection_facts SELECT * FROM rejection_fact_source ORDER BY agency_id, outcome_at;
  INSERT INTO gap_facts SELECT * FROM gap_fact_source ORDER BY agency_id, outcome_at;
$$;
--> statement-breakpoint
-- Bulk loads (the large seed) switch the triggers off, load, switch them on and rebuild.
CREATE OR REPLACE FUNCTION debrief_report_triggers(p_enabled boolean) RETURNS void
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT tgrelid::regclass AS tbl, tgname FROM pg_trigger
           WHERE tgname LIKE 'report\_facts\_%' AND NOT tgisinternal
  LOOP
    EXECUTE format('ALTER TABLE %s %s TRIGGER %I', t.tbl,
                   CASE WHEN p_enabled THEN 'ENABLE' ELSE 'DISABLE' END, t.tgname);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- The statement-level trigger every source table gets: it finds the rejected interviews the
-- statement's rows bear on (TG_ARGV[0], a query over `changed`: the old and new rows) and refreshes
-- their facts, once per statement however many rows it touched.
CREATE OR REPLACE FUNCTION debrief_report_facts_changed() RETURNS trigger
LANGUAGE plpgsql SET search_path = public AS $$
DECLARE
  agencies uuid[];
  interviews uuid[];
BEGIN
  EXECUTE format(
    'WITH changed AS (%s), k AS (%s) SELECT array_agg(agency_id), array_agg(interview_id) FROM k',
    CASE TG_OP
      WHEN 'INSERT' THEN 'SELECT * FROM new_rows'
      WHEN 'DELETE' THEN 'SELECT * FROM old_rows'
      ELSE 'SELECT * FROM old_rows UNION ALL SELECT * FROM new_rows'
    END,
    TG_ARGV[0]
  ) INTO agencies, interviews;
  PERFORM debrief_report_refresh(agencies, interviews);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  t record;
BEGIN
  FOR t IN SELECT * FROM (VALUES
    -- A rejection itself, and the candidate's rejections when an offer comes, goes or moves.
    ('interviews', 'SELECT agency_id, id AS interview_id FROM changed
      UNION SELECT i.agency_id, i.id FROM changed c
      JOIN interviews i ON i.agency_id = c.agency_id AND i.candidate_id = c.candidate_id
      WHERE c.outcome = ''offered'' AND i.outcome = ''rejected'''),
    -- A job moved to another client (its interviews carry the client).
    ('jobs', 'SELECT i.agency_id, i.id AS interview_id FROM changed c
      JOIN interviews i ON i.agency_id = c.agency_id AND i.job_id = c.id
      WHERE i.outcome = ''rejected'''),
    ('feedback', 'SELECT agency_id, interview_id FROM changed'),
    ('feedback_items', 'SELECT f.agency_id, f.interview_id FROM changed c
      JOIN feedback f ON f.agency_id = c.agency_id AND f.id = c.feedback_id'),
    ('item_responses', 'SELECT f.agency_id, f.interview_id FROM changed c
      JOIN feedback_items fi ON fi.agency_id = c.agency_id AND fi.id = c.feedback_item_id
      JOIN feedback f ON f.agency_id = fi.agency_id AND f.id = fi.feedback_id'),
    -- The plan's feedback, and every rejection of the candidate (planned after it or not).
    ('action_plans', 'SELECT f.agency_id, f.interview_id FROM changed c
      JOIN feedback f ON f.agency_id = c.agency_id AND f.id = c.feedback_id
      UNION SELECT i.agency_id, i.id FROM changed c
      JOIN interviews i ON i.agency_id = c.agency_id AND i.candidate_id = c.candidate_id
      WHERE i.outcome = ''rejected'''),
    ('goals', 'SELECT f.agency_id, f.interview_id FROM changed c
      JOIN action_plans ap ON ap.agency_id = c.agency_id AND ap.id = c.action_plan_id
      JOIN feedback f ON f.agency_id = ap.agency_id AND f.id = ap.feedback_id')
  ) AS v(tbl, keys)
  LOOP
    EXECUTE format('CREATE TRIGGER report_facts_insert AFTER INSERT ON %I
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION debrief_report_facts_changed(%L)', t.tbl, t.keys);
    EXECUTE format('CREATE TRIGGER report_facts_update AFTER UPDATE ON %I
      REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT
      EXECUTE FUNCTION debrief_report_facts_changed(%L)', t.tbl, t.keys);
    EXECUTE format('CREATE TRIGGER report_facts_delete AFTER DELETE ON %I
      REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT
      EXECUTE FUNCTION debrief_report_facts_changed(%L)', t.tbl, t.keys);
  END LOOP;
END;
$$;
--> statement-breakpoint
SELECT debrief_report_rebuild();
