ALTER TABLE "candidates" ADD COLUMN "erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "invitations" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
-- Accepting an invitation happens before anyone is signed in: the token (stored only as its
-- SHA-256 hash) is the one thing the person holds. This returns the invitation and its user for
-- that hash and nothing else; the acceptance itself then runs as the app role in that agency.
CREATE OR REPLACE FUNCTION debrief_invitation_by_token_hash(p_token_hash text)
RETURNS TABLE (
  invitation_id uuid, agency_id uuid, agency_name text, user_id uuid, email text, name text,
  role user_role, status user_status, expires_at timestamptz, accepted_at timestamptz,
  revoked_at timestamptz
)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
  SELECT i.id, i.agency_id, a.name, u.id, u.email, u.name, u.role, u.status, i.expires_at,
         i.accepted_at, i.revoked_at
  FROM invitations i
  JOIN users u ON u.agency_id = i.agency_id AND u.id = i.user_id
  JOIN agencies a ON a.id = i.agency_id
  WHERE i.token_hash = p_token_hash
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION debrief_invitation_by_token_hash(text) FROM PUBLIC;
