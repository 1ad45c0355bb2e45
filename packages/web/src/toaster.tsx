"use client";
// The Toaster every signed-in page mounts, loaded after the page in its own chunk: it shows nothing
// until a toast is raised, and a page that never raises one (the dashboard, the inbox) then ships
// none of sonner with its first load. Toasts are raised with `toast` from ./toast.
import dynamic from "next/dynamic";

const LazyToaster = dynamic(() => import("sonner").then((m) => m.Toaster), { ssr: false });

export function Toaster() {
  return <LazyToaster position="top-center" offset={76} richColors closeButton />;
}
