import type { Metadata } from "next";
import { requireAdmin } from "~/auth";
import type { SearchParams } from "~/pipeline/search-params";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";
import { userListInput } from "./_components/search-params";
import { UsersAdmin } from "./_components/users-admin";

export const metadata: Metadata = { title: "Users" };

export default async function AdminUsersPage({
  searchParams,
}: {
  searchParams: Promise<SearchParams>;
}) {
  await requireAdmin();
  const input = userListInput(await searchParams);
  prefetch(trpc.admin.users.list.queryOptions(input));
  return (
    <HydrateClient>
      <UsersAdmin input={input} />
    </HydrateClient>
  );
}
