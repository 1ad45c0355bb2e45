"use client";
// The pages both portals show when something is missing or broken: friendly, no stack traces.
import { Button } from "@debrief/ui";
import Link from "next/link";

export function NotFoundPage() {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <p className="text-sm font-semibold text-brand-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold text-ink">We couldn't find that page</h1>
      <p className="mt-2 text-sm text-muted">
        It may have moved, or you may not have access to it.
      </p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-brand-700 underline">
        Back to the start
      </Link>
    </main>
  );
}

export function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-md px-4 py-24 text-center">
      <h1 className="text-2xl font-semibold text-ink">Something went wrong</h1>
      <p className="mt-2 text-sm text-muted">
        We have been told about it. Please try again in a moment.
      </p>
      <Button className="mt-6" onClick={reset}>
        Try again
      </Button>
    </main>
  );
}
