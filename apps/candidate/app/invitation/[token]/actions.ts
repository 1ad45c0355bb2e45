"use server";
import { type AcceptInvitationState, acceptInvitationAndSignIn } from "@debrief/auth";
import { headers } from "next/headers";
import { signIn } from "~/auth";

export async function acceptInvitationAction(
  token: string,
  _state: AcceptInvitationState,
  formData: FormData,
): Promise<AcceptInvitationState> {
  const requestId = (await headers()).get("x-request-id");
  return acceptInvitationAndSignIn({ portal: "candidate", signIn, token, formData, requestId });
}
