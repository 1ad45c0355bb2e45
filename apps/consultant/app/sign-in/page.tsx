import { SignInForm } from "@debrief/web/sign-in";
import { safeRedirect } from "@debrief/web/sign-in-action";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSession } from "~/auth";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  if (await getSession()) redirect("/");
  const { callbackUrl } = await searchParams;
  return (
    <SignInForm
      action={signInAction}
      portalName="Consultant portal"
      tagline="Record, review and publish interview feedback."
      redirectTo={safeRedirect(callbackUrl ?? "/")}
    />
  );
}
