import { PageHeader } from "@debrief/ui";
import type { Metadata } from "next";
import { requireSession } from "~/auth";
import { ClientForm } from "../_components/client-form";

export const metadata: Metadata = { title: "New client" };

export default async function NewClientPage() {
  await requireSession();
  return (
    <>
      <PageHeader
        title="New client"
        description="A company you recruit for. Add its jobs once it is saved."
      />
      <ClientForm />
    </>
  );
}
