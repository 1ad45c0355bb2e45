"use client";
import { Button, Card, Field, Input } from "@debrief/ui";
import { useActionState } from "react";
import type { SignInState } from "./sign-in-action";

export function SignInForm({
  action,
  portalName,
  tagline,
  redirectTo,
}: {
  action: (state: SignInState, formData: FormData) => Promise<SignInState>;
  portalName: string;
  tagline: string;
  redirectTo: string;
}) {
  const [state, formAction, pending] = useActionState(action, { error: null, email: "" });
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-brand-50 to-canvas px-4">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-brand-700">Debrief</p>
          <h1 className="mt-2 text-lg font-medium text-ink">{portalName}</h1>
          <p className="mt-1 text-sm text-muted">{tagline}</p>
        </div>
        <Card className="p-6">
          <form action={formAction} className="space-y-4" noValidate>
            <input type="hidden" name="redirectTo" value={redirectTo} />
            <Field label="Email">
              {(p) => (
                <Input
                  {...p}
                  name="email"
                  type="email"
                  autoComplete="email"
                  defaultValue={state.email}
                  required
                />
              )}
            </Field>
            <Field label="Password">
              {(p) => (
                <Input
                  {...p}
                  name="password"
                  type="password"
                  autoComplete="current-password"
                  required
                />
              )}
            </Field>
            {state.error ? (
              <p role="alert" className="rounded-lg bg-red-50 px-3 py-2 text-sm text-red-800">
                {state.error}
              </p>
            ) : null}
            <Button type="submit" className="w-full" disabled={pending}>
              {pending ? "Signing in…" : "Sign in"}
            </Button>
          </form>
        </Card>
      </div>
    </main>
  );
}
