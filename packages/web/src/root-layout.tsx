// The HTML frame both portals share: the font, and a page rendered per request. The tRPC + React
// Query provider and the toasts are in each portal's signed-in layout, (app)/layout.tsx: the
// public pages (sign-in, invitation) use neither and so load none of their JavaScript.
import { GeistSans } from "geist/font/sans";
import { connection } from "next/server";
import type { ReactNode } from "react";

export async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put the proxy's CSP nonce on its scripts: a page
  // prerendered at build time (the 404 would be) carries none, and its scripts would be refused.
  await connection();
  return (
    <html lang="en" className={GeistSans.variable}>
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
