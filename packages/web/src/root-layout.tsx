// The HTML frame both portals share: font, tRPC + React Query provider, toasts.
import { GeistSans } from "geist/font/sans";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Toaster } from "./toast";
import { TRPCReactProvider } from "./trpc/react";

export async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put the proxy's CSP nonce on its scripts: a page
  // prerendered at build time (the 404 would be) carries none, and its scripts would be refused.
  await connection();
  return (
    <html lang="en" className={GeistSans.variable}>
      <body className="min-h-screen font-sans">
        <TRPCReactProvider>{children}</TRPCReactProvider>
        <Toaster position="top-center" offset={76} richColors closeButton />
      </body>
    </html>
  );
}
