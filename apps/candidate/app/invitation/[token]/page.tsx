// Accepting an invitation: outside the signed-in area, the token in the link is the credential.
import { findInvitation } from "@debrief/auth";
import { getDb } from "@debrief/db";
import { INVITATION_DAYS, PASSWORD_MAX, PASSWORD_MIN } from "@debrief/validators";
import { AcceptInvitation } from "@debrief/web/accept-invitation";
import type { Metadata } from "next";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = {
  title: "Accept your invitation",
  // The token is in the address: keep it out of search engines and other sites' logs.
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const view = await findInvitation(getDb(), token, "candidate");
  return (
    <AcceptInvitation
      view={view}
      action={acceptInvitationAction.bind(null, token)}
      portalName="Candidate portal"
      signInHref="/sign-in"
      rules={{
        passwordMin: PASSWORD_MIN,
        passwordMax: PASSWORD_MAX,
        validityDays: INVITATION_DAYS,
      }}
    />
  );
}
