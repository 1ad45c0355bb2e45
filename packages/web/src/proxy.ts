// Browser protections on every response of both portals (Next 16's proxy, formerly middleware):
// a nonce-based Content-Security-Policy, HSTS, nosniff, a referrer policy and no-store.
//
// No authentication here, on purpose: every page checks the session in its layout (requireSession,
// requireAdmin) and every procedure in its tRPC middleware, so deleting this file changes nothing
// about who may see or do what (e2e/tests/security-headers.spec.ts proves it from outside, and
// `x-middleware-subrequest` has nothing to skip).
import { type NextRequest, NextResponse } from "next/server";

/** The policy for one response. The nonce goes on Next's own scripts; nothing else may run. */
export function contentSecurityPolicy(
  nonce: string,
  development = process.env.NODE_ENV === "development",
): string {
  return [
    "default-src 'self'",
    // React's dev tooling (refresh, server error stacks) needs eval; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Inline styles: Recharts, progress bars' widths, sonner's injected sheet, the admin Email
    // page's sandboxed srcdoc preview (which inherits this policy and runs no script).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** The headers every proxied response carries, besides the policy itself. */
export const securityHeaders = {
  // Ignored by browsers over plain http; over https, two years for the host and its subdomains.
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  // Every page and API answer is somebody's private data: never stored by a browser or a proxy.
  "cache-control": "no-store",
} as const;

export function newNonce(): string {
  // 128 random bits, base64: works in the Node.js and the edge runtime alike.
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const policy = contentSecurityPolicy(nonce);
  // Next reads the nonce from the request's policy and puts it on its scripts; pages can read
  // x-nonce. Whatever the client sent in either header is replaced.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", policy);
  for (const [name, value] of Object.entries(securityHeaders)) response.headers.set(name, value);
  return response;
}

/**
 * Everything but the build's static files (hashed, public, long-cached by Next). Each app's
 * proxy.ts must repeat this literally: Next reads `config` from that file without running it.
 */
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
