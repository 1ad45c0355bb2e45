import { buttonClass, ListSkeleton, PageHeader } from "@debrief/ui";
import type { ClientOutput } from "@debrief/validators";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { z } from "zod";
import { requireSession } from "~/auth";
import { fetchOrNotFound, HydrateClient, trpc } from "~/trpc/server";
import { EditClient } from "../../_components/client-form";

export const metadata: Metadata = { title: "Edit client" };

export default async function EditClientPage({ params }: { params: Promise<{ id: string }> }) {
  await requireSession();
  const { id } = await params;
  if (!z.uuid().safeParse(id).success) notFound();
  const client = await fetchOrNotFound<ClientOutput>(trpc.client.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <PageHeader
        title={`Edit ${client.name}`}
        actions={
          <>
            <Link href={`/jobs?client=${id}`} className={buttonClass("secondary")}>
              Jobs
            </Link>
            <Link href={`/jobs/new?client=${id}`} className={buttonClass("secondary")}>
              Add job
            </Link>
          </>
        }
      />
      <Suspense fallback={<ListSkeleton rows={2} />}>
        <EditClient id={id} />
      </Suspense>
    </HydrateClient>
  );
}
