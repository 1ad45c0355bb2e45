"use client";
// The admin's Users page: invite someone, see the one-time link, and the list of everyone.
import { Button, ListSkeleton, PageHeader } from "@debrief/ui";
import type { InvitationSentOutput } from "@debrief/validators";
import { Suspense, useState } from "react";
import { InvitationLink } from "./invitation-link";
import { InviteForm } from "./invite-form";
import type { UserListQuery } from "./search-params";
import { UserList } from "./user-list";

export function UsersAdmin({ input }: { input: UserListQuery }) {
  const [inviting, setInviting] = useState(false);
  const [sent, setSent] = useState<InvitationSentOutput | null>(null);
  return (
    <>
      <PageHeader
        title="Users"
        description="Everyone who signs in for your agency: invite people, change roles, disable accounts."
        actions={
          inviting ? null : (
            <Button
              onClick={() => {
                setSent(null);
                setInviting(true);
              }}
              aria-expanded={inviting}
            >
              Invite someone
            </Button>
          )
        }
      />
      {sent ? <InvitationLink sent={sent} onDone={() => setSent(null)} /> : null}
      {inviting ? (
        <InviteForm
          onSent={(invitation) => {
            setInviting(false);
            setSent(invitation);
          }}
          onCancel={() => setInviting(false)}
        />
      ) : null}
      <Suspense fallback={<ListSkeleton />}>
        <UserList input={input} onLink={setSent} />
      </Suspense>
    </>
  );
}
