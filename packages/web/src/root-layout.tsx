// The HTML frame both portals share: font, tRPC + React Query provider, toasts.
import { GeistSans } from "geist/font/sans";
import type { ReactNode } from "react";
import { Toaster } from "./toast";
import { TRPCReactProvider } from "./trpc/react";

export function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en" className={GeistSans.variable}>
      <body className="min-h-screen font-sans">
        <TRPCReactProvider>{children}</TRPCReactProvider>
        <Toaster position="top-center" offset={76} richColors closeButton />
      </body>
    </html>
  );
}
