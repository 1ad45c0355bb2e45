-- Tenancy enforced by PostgreSQL itself (the third of three layers; see docs/architecture.md).
-- Every table with an agency_id gets row-level security, ENABLED and FORCED, with one policy
-- that reads the tenant from the transaction-local setting app.agency_id.
-- The function is idempotent; the migrate script calls it after every run, so a table added by
-- a later migration is secured too, and a catalog test fails if one ever is not.
CREATE OR REPLACE FUNCTION debrief_secure_tenant_tables() RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  t record;
BEGIN
  FOR t IN
    SELECT c.relname
    FROM pg_class c
    JOIN pg_namespace n ON n.oid = c.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'agency_id' AND NOT a.attisdropped
    WHERE n.nspname = 'public' AND c.relkind = 'r'
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t.relname);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t.relname);
    IF NOT EXISTS (
      SELECT 1 FROM pg_policies WHERE schemaname = 'public' AND tablename = t.relname AND policyname = 'tenant_isolation'
    ) THEN
      EXECUTE format(
        'CREATE POLICY tenant_isolation ON %I USING (agency_id = NULLIF(current_setting(''app.agency_id'', true), '''')::uuid) WITH CHECK (agency_id = NULLIF(current_setting(''app.agency_id'', true), '''')::uuid)',
        t.relname
      );
    END IF;
  END LOOP;
END;
$$;
--> statement-breakpoint
SELECT debrief_secure_tenant_tables();
--> statement-breakpoint
ALTER TABLE agencies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE agencies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant_isolation ON agencies
  USING (id = NULLIF(current_setting('app.agency_id', true), '')::uuid)
  WITH CHECK (id = NULLIF(current_setting('app.agency_id', true), '')::uuid);
--> statement-breakpoint
-- Sign-in looks a user up by email before any tenant is known. These two functions are the only
-- way around the tenant policies: they run as the migrating owner (which must be a superuser or
-- have BYPASSRLS) and return just what authentication needs.
CREATE OR REPLACE FUNCTION debrief_auth_user_by_email(p_email text)
RETURNS TABLE (id uuid, agency_id uuid, role user_role, status user_status, password_hash text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.id, u.agency_id, u.role, u.status, u.password_hash
  FROM users u WHERE lower(u.email) = lower(p_email)
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION debrief_session_user(p_user_id uuid)
RETURNS TABLE (id uuid, agency_id uuid, role user_role, status user_status, name text, email text, agency_name text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT u.id, u.agency_id, u.role, u.status, u.name, u.email, a.name
  FROM users u JOIN agencies a ON a.id = u.agency_id WHERE u.id = p_user_id
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION debrief_auth_user_by_email(text) FROM PUBLIC;
--> statement-breakpoint
REVOKE ALL ON FUNCTION debrief_session_user(uuid) FROM PUBLIC;
