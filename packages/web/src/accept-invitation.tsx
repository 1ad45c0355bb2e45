"use client";
// The invitation page both portals share: "Join <agency> as <name>" with a password form, or a
// plain explanation of why the link cannot be used. Works without JavaScript too (a server action).
import type { AcceptInvitationState, InvitationProblem, InvitationView } from "@debrief/auth";
import { Button, buttonClass, Card, Field, Input } from "@debrief/ui";
import Link from "next/link";
import { type FormEvent, type ReactNode, useActionState, useState } from "react";

const initialState: AcceptInvitationState = { problem: null, fieldErrors: {}, accepted: false };

type Role = Extract<InvitationView, { state: "valid" }>["role"];
/** The password rules and validity the server enforces (from @debrief/validators, via the page). */
export type InvitationRules = { passwordMin: number; passwordMax: number; validityDays: number };

const article: Record<Role, string> = {
  admin: "an admin",
  consultant: "a consultant",
  candidate: "a candidate",
};

const purpose: Record<Role, string> = {
  admin:
    "Choose a password to finish setting up your account. You'll manage the agency's people, settings and reports, and record feedback too.",
  consultant:
    "Choose a password to finish setting up your account and start recording interview feedback.",
  candidate:
    "Choose a password to finish setting up your account, read your interview feedback and plan your next steps.",
};

function Frame({ portalName, children }: { portalName: string; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-canvas px-4 py-10">
      <div className="w-full max-w-md">
        <div className="mb-6 text-center">
          <p className="text-2xl font-semibold tracking-tight text-brand-700">Debrief</p>
          <p className="mt-1 text-sm text-muted">{portalName}</p>
        </div>
        {children}
      </div>
    </main>
  );
}

function Problem({
  problem,
  agencyName,
  signInHref,
  validityDays,
}: {
  problem: InvitationProblem;
  agencyName: string | null;
  signInHref: string;
  validityDays: number;
}) {
  const who = agencyName ?? "the person who invited you";
  const content: Record<InvitationProblem, { title: string; body: ReactNode }> = {
    unknown: {
      title: "This invitation link isn't valid",
      body: "Check that you opened the whole link from your invitation email. If it still doesn't work, ask the person who invited you to send a new invitation.",
    },
    expired: {
      title: "This invitation has expired",
      body: `Invitations are valid for ${validityDays} days. Ask ${who} to send you a new one.`,
    },
    used: {
      title: "This invitation has already been used",
      body: "The account it was for is set up. Sign in with its email address and the password chosen when the invitation was accepted.",
    },
    revoked: {
      title: "This invitation is no longer valid",
      body: `It was withdrawn, or replaced by a newer invitation. Use the most recent invitation email from ${who}, or ask them for a new one.`,
    },
    wrong_portal: {
      title: "This invitation is for the other portal",
      body: "Open the link exactly as it appears in your invitation email: it takes you to the right place.",
    },
  };
  const { title, body } = content[problem];
  return (
    <Card className="p-6" role="alert" aria-live="polite">
      <h1 className="text-lg font-semibold text-ink">{title}</h1>
      <p className="mt-2 text-sm text-muted">{body}</p>
      <Link href={signInHref} className={`${buttonClass("secondary")} mt-5 w-full`}>
        Go to sign in
      </Link>
    </Card>
  );
}

function ExpiresOn({ value }: { value: Date }) {
  // The reader's own time zone; the server's rendering (UTC) is replaced on hydration.
  const text = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeStyle: "short" }).format(
    value,
  );
  return (
    <time dateTime={value.toISOString()} suppressHydrationWarning>
      {text}
    </time>
  );
}

export function AcceptInvitation({
  view,
  action,
  portalName,
  signInHref,
  rules,
}: {
  view: InvitationView;
  action: (state: AcceptInvitationState, formData: FormData) => Promise<AcceptInvitationState>;
  portalName: string;
  signInHref: string;
  rules: InvitationRules;
}) {
  const [state, formAction, pending] = useActionState(action, initialState);
  const [password, setPassword] = useState("");
  const [confirmPassword, setConfirmPassword] = useState("");
  const [show, setShow] = useState(false);
  const [clientErrors, setClientErrors] = useState<Record<string, string | undefined>>({});

  if (view.state !== "valid" || state.problem) {
    const problem = state.problem ?? (view.state === "valid" ? "unknown" : view.state);
    return (
      <Frame portalName={portalName}>
        <Problem
          problem={problem}
          agencyName={view.state === "unknown" ? null : view.agencyName}
          signInHref={signInHref}
          validityDays={rules.validityDays}
        />
      </Frame>
    );
  }

  if (state.accepted) {
    return (
      <Frame portalName={portalName}>
        <Card className="p-6" role="status">
          <h1 className="text-lg font-semibold text-ink">Your account is ready</h1>
          <p className="mt-2 text-sm text-muted">
            Welcome to {view.agencyName}. Sign in with {view.email} and the password you just chose.
          </p>
          <Link href={signInHref} className={`${buttonClass()} mt-5 w-full`}>
            Sign in
          </Link>
        </Card>
      </Frame>
    );
  }

  const serverPasswordError = state.fieldErrors.password?.[0];
  const passwordError =
    clientErrors.password ?? (serverPasswordError ? `Password ${serverPasswordError}` : undefined);
  const confirmError =
    clientErrors.confirmPassword ??
    (state.fieldErrors.confirmPassword ? "Doesn't match the password above" : undefined);

  // Checked here first (the same rules as the server's), so mistakes show without a round trip.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const errors: Record<string, string | undefined> = {};
    if (password.length < rules.passwordMin) {
      errors.password = `Password must be at least ${rules.passwordMin} characters`;
    } else if (password.length > rules.passwordMax) {
      errors.password = `Password must be at most ${rules.passwordMax} characters`;
    } else if (!password.trim()) {
      errors.password = "Password must not be only spaces";
    }
    if (!confirmPassword) errors.confirmPassword = "Repeat the password to confirm it";
    else if (confirmPassword !== password)
      errors.confirmPassword = "Doesn't match the password above";
    setClientErrors(errors);
    if (errors.password || errors.confirmPassword) event.preventDefault();
  };

  return (
    <Frame portalName={portalName}>
      <Card className="p-6">
        <h1 className="text-xl font-semibold tracking-tight text-ink">
          Join {view.agencyName} as {view.name}
        </h1>
        <p className="mt-2 text-sm text-muted">
          You've been invited as {article[view.role]}. {purpose[view.role]}
        </p>
        <form action={formAction} onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
          <Field label="Email" hint="You'll sign in with this address.">
            {(p) => (
              <Input
                {...p}
                name="username"
                type="email"
                autoComplete="username"
                value={view.email}
                readOnly
                className="bg-slate-50 text-muted"
              />
            )}
          </Field>
          <Field
            label="Password"
            hint={`At least ${rules.passwordMin} characters. A short sentence you'll remember works well.`}
            error={passwordError}
          >
            {(p) => (
              <Input
                {...p}
                name="password"
                type={show ? "text" : "password"}
                autoComplete="new-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                required
                minLength={rules.passwordMin}
              />
            )}
          </Field>
          <Field label="Confirm password" error={confirmError}>
            {(p) => (
              <Input
                {...p}
                name="confirmPassword"
                type={show ? "text" : "password"}
                autoComplete="new-password"
                value={confirmPassword}
                onChange={(e) => setConfirmPassword(e.target.value)}
                required
              />
            )}
          </Field>
          <label className="flex items-center gap-2 text-sm text-muted">
            <input
              type="checkbox"
              checked={show}
              onChange={(e) => setShow(e.target.checked)}
              className="h-4 w-4 rounded border-line accent-brand-700"
            />
            Show passwords
          </label>
          <Button type="submit" className="w-full" disabled={pending}>
            {pending ? "Setting up your account…" : "Set password and sign in"}
          </Button>
        </form>
        <p className="mt-4 text-center text-xs text-muted">
          This invitation expires on <ExpiresOn value={view.expiresAt} />.
        </p>
      </Card>
    </Frame>
  );
}
