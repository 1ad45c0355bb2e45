"use client";
// The agency's people: filters in the URL, status at a glance, and the actions that fit each row.
// Role changes, disabling and revoking ask first, in a panel under the row (a card on phones).
import { Badge, Button, cn, EmptyState, Select } from "@debrief/ui";
import {
  type AdminUserListOutput,
  type AdminUserRow,
  type InvitationSentOutput,
  type Role,
  roleLabels,
  roles,
  userStatuses,
  userStatusLabels,
} from "@debrief/validators";
import { toast } from "@debrief/web/toast";
import { errorDetails, useTRPC } from "@debrief/web/trpc/react";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext, useState } from "react";
import { columnsFor, DataTable } from "~/pipeline/data-table";
import { LocalTime } from "~/pipeline/dates";
import {
  ClearFilters,
  FilterSelect,
  ListUrlProvider,
  Pagination,
  PastTheEnd,
  SearchBox,
  Toolbar,
} from "~/pipeline/list-controls";
import type { UserListQuery } from "./search-params";

type StaffRole = Exclude<Role, "candidate">;
/** The change waiting for a click on "confirm" under the row. */
type Confirm =
  | { userId: string; kind: "disable" | "revoke" }
  | { userId: string; kind: "role"; role: StaffRole };

type RowContext = {
  confirm: Confirm | null;
  setConfirm: (next: Confirm | null) => void;
  activeAdmins: number;
  onLink: (sent: InvitationSentOutput) => void;
};
const Rows = createContext<RowContext | null>(null);
function useRows() {
  const value = useContext(Rows);
  if (!value) throw new Error("row actions need the user list");
  return value;
}

const statusTone = { active: "green", invited: "amber", disabled: "neutral" } as const;

const DAY = 86_400_000;
function daysFromNow(date: Date) {
  return Math.round((date.getTime() - Date.now()) / DAY);
}

function StatusCell({ row }: { row: AdminUserRow }) {
  const invitation = row.invitation;
  let detail: ReactNode = null;
  if (invitation?.state === "pending") {
    const days = daysFromNow(invitation.expiresAt);
    detail = (
      <span suppressHydrationWarning>
        {days >= 1 ? `Link expires in ${days} day${days === 1 ? "" : "s"}` : "Link expires today"}
      </span>
    );
  } else if (invitation?.state === "expired") {
    detail = <span className="font-medium text-red-700">Link expired: resend it</span>;
  } else if (invitation?.state === "revoked") {
    detail = "Invitation revoked";
  }
  return (
    <div className="space-y-1">
      <Badge tone={statusTone[row.status]}>{userStatusLabels[row.status]}</Badge>
      {detail ? <p className="text-xs text-muted">{detail}</p> : null}
      {invitation?.invitedBy ? (
        <p className="text-xs text-muted">by {invitation.invitedBy}</p>
      ) : null}
    </div>
  );
}

/** The mutations of one row, with the list (and the candidate lists a login shows on) refreshed. */
function useUserMutations() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.admin.users.pathFilter()),
      queryClient.invalidateQueries(trpc.candidate.pathFilter()),
    ]);
  const done =
    <T,>(message: (result: T) => string) =>
    async (result: T) => {
      await refresh();
      toast.success(message(result));
    };
  const failed = (error: unknown) => {
    toast.error(errorDetails(error).message);
    return refresh();
  };
  return {
    resend: useMutation(
      trpc.admin.users.resendInvitation.mutationOptions({
        onSuccess: done((sent) => `New link for ${sent.name}: the old one no longer works`),
        onError: failed,
      }),
    ),
    revoke: useMutation(
      trpc.admin.users.revokeInvitation.mutationOptions({
        onSuccess: done(() => "Invitation revoked: the link no longer works"),
        onError: failed,
      }),
    ),
    disable: useMutation(
      trpc.admin.users.disable.mutationOptions({
        onSuccess: done(() => "Account disabled: they are signed out on their next click"),
        onError: failed,
      }),
    ),
    enable: useMutation(
      trpc.admin.users.enable.mutationOptions({
        onSuccess: done(() => "Account enabled: they can sign in again"),
        onError: failed,
      }),
    ),
    changeRole: useMutation(
      trpc.admin.users.changeRole.mutationOptions({
        onSuccess: done((r) => `Role changed to ${roleLabels[r.role].toLowerCase()}`),
        onError: failed,
      }),
    ),
    refresh,
  };
}

function lastAdmin(row: AdminUserRow, activeAdmins: number) {
  return row.role === "admin" && row.status === "active" && activeAdmins <= 1;
}

/**
 * A role change asks first: a select fires on every arrow key in some browsers, and promoting
 * someone to admin (or demoting them) is not a thing to do by accident.
 */
function RoleCell({ row }: { row: AdminUserRow }) {
  const { activeAdmins, confirm, setConfirm } = useRows();
  if (row.role === "candidate") return <Badge>{roleLabels.candidate}</Badge>;
  const locked = lastAdmin(row, activeAdmins);
  const pending = confirm?.userId === row.id && confirm.kind === "role" ? confirm.role : null;
  return (
    <div className="w-36 space-y-1">
      <Select
        aria-label={`Role of ${row.name}`}
        value={pending ?? row.role}
        disabled={locked}
        onChange={(e) => {
          const role = e.target.value as StaffRole;
          setConfirm(role === row.role ? null : { userId: row.id, kind: "role", role });
        }}
      >
        <option value="consultant">{roleLabels.consultant}</option>
        <option value="admin">{roleLabels.admin}</option>
      </Select>
      {locked ? <p className="text-xs text-muted">The only active admin</p> : null}
    </div>
  );
}

function Actions({ row }: { row: AdminUserRow }) {
  const { confirm, setConfirm, activeAdmins, onLink } = useRows();
  const { resend, enable } = useUserMutations();
  const open = confirm?.userId === row.id;
  const who = <span className="sr-only"> {row.name}</span>;
  const button = (kind: "disable" | "revoke", label: string, disabled = false) => (
    <Button
      variant="ghost"
      size="sm"
      disabled={disabled}
      aria-expanded={open && confirm?.kind === kind}
      onClick={() => setConfirm(open && confirm?.kind === kind ? null : { userId: row.id, kind })}
    >
      {label}
      {who}
    </Button>
  );

  if (row.status === "invited") {
    return (
      <div className="flex justify-end gap-2">
        <Button
          variant="secondary"
          size="sm"
          disabled={resend.isPending}
          onClick={() =>
            resend.mutate(
              { userId: row.id },
              {
                onSuccess: (sent) => {
                  onLink(sent);
                  window.scrollTo({ top: 0, behavior: "smooth" });
                },
              },
            )
          }
        >
          {resend.isPending ? "Sending…" : "Resend"}
          {who}
        </Button>
        {row.invitation?.state === "revoked" ? null : button("revoke", "Revoke")}
      </div>
    );
  }
  if (row.status === "disabled") {
    return (
      <div className="flex justify-end">
        <Button
          variant="secondary"
          size="sm"
          disabled={enable.isPending}
          onClick={() => enable.mutate({ userId: row.id })}
        >
          Enable{who}
        </Button>
      </div>
    );
  }
  return (
    <div className="flex justify-end">
      {lastAdmin(row, activeAdmins) ? (
        <span className="text-xs text-muted">Last admin</span>
      ) : (
        button("disable", "Disable")
      )}
    </div>
  );
}

function roleChangeText(row: AdminUserRow, role: StaffRole) {
  if (role === "admin") {
    return `Make ${row.name} an admin? They can then manage users, settings, reports and data requests.`;
  }
  return row.isYou
    ? "Make yourself a consultant? You lose access to this admin area at once."
    : `Make ${row.name} a consultant? They lose access to the admin area on their next click.`;
}

/** The "are you sure?" panel under a row. */
function ConfirmPanel({ row, confirm }: { row: AdminUserRow; confirm: Confirm }) {
  const { setConfirm } = useRows();
  const { disable, revoke, changeRole } = useUserMutations();
  const close = () => setConfirm(null);
  const copy =
    confirm.kind === "role"
      ? {
          text: roleChangeText(row, confirm.role),
          action:
            confirm.role === "admin"
              ? "Make admin"
              : row.isYou
                ? "Make me a consultant"
                : "Make consultant",
          danger: confirm.role === "consultant" && row.isYou,
          run: () => changeRole.mutateAsync({ userId: row.id, role: confirm.role }),
          busy: changeRole.isPending,
        }
      : confirm.kind === "disable"
        ? {
            text: row.isYou
              ? "Disable your own account? You are signed out on your next click, and another admin will have to enable you again."
              : `Disable ${row.name}? They are signed out on their next click and cannot sign in until an admin enables them again. Their work stays as it is.`,
            action: "Disable account",
            danger: true,
            run: () => disable.mutateAsync({ userId: row.id }),
            busy: disable.isPending,
          }
        : {
            text: `Revoke ${row.name}'s invitation? The link stops working at once. They stay on this list as invited, so you can send a new link later.`,
            action: "Revoke invitation",
            danger: true,
            run: () => revoke.mutateAsync({ userId: row.id }),
            busy: revoke.isPending,
          };
  const leavesAdmin = row.isYou && (confirm.kind === "disable" || confirm.kind === "role");
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      <p className="text-sm text-ink">{copy.text}</p>
      <div className="flex shrink-0 gap-2">
        <Button
          variant={copy.danger ? "danger" : "primary"}
          size="sm"
          disabled={copy.busy}
          onClick={async () => {
            try {
              await copy.run();
              close();
              // Out of the admin area (or signed out): the server decides where they land.
              if (leavesAdmin) window.location.assign("/");
            } catch {
              // The mutation's onError has told them why.
            }
          }}
        >
          {copy.busy ? "Working…" : copy.action}
        </Button>
        <Button variant="ghost" size="sm" onClick={close}>
          Cancel
        </Button>
      </div>
    </div>
  );
}

function Person({ row }: { row: AdminUserRow }) {
  return (
    <div className="min-w-40">
      <p className="flex items-center gap-2 font-medium text-ink">
        {row.name}
        {row.isYou ? <Badge tone="brand">You</Badge> : null}
      </p>
      <p className="break-all text-xs text-muted">{row.email}</p>
    </div>
  );
}

function LastSignIn({ row }: { row: AdminUserRow }) {
  return row.lastSignInAt ? (
    <span className="text-ink">
      <LocalTime value={row.lastSignInAt} />
    </span>
  ) : (
    <span className="text-muted">Never</span>
  );
}

function PersonCard({ row, confirm }: { row: AdminUserRow; confirm: Confirm | null }) {
  return (
    <li className="rounded-xl border border-line bg-white p-4 shadow-sm">
      <div className="flex items-start justify-between gap-3">
        <Person row={row} />
        <StatusCell row={row} />
      </div>
      <div className="mt-3 flex flex-wrap items-start justify-between gap-3">
        <RoleCell row={row} />
        <p className="text-right text-xs text-muted">
          Last sign-in
          <br />
          <LastSignIn row={row} />
        </p>
      </div>
      <div className="mt-3 border-t border-line pt-3">
        <Actions row={row} />
      </div>
      {confirm?.userId === row.id ? (
        <div className="mt-3 rounded-lg bg-brand-50/60 p-3">
          <ConfirmPanel row={row} confirm={confirm} />
        </div>
      ) : null}
    </li>
  );
}

const column = columnsFor<AdminUserRow>();
const columns = column.columns([
  column.accessor("name", { header: "Person", cell: ({ row }) => <Person row={row.original} /> }),
  column.accessor("role", { header: "Role", cell: ({ row }) => <RoleCell row={row.original} /> }),
  column.accessor("status", {
    header: "Status",
    cell: ({ row }) => <StatusCell row={row.original} />,
  }),
  column.accessor("lastSignInAt", {
    header: "Last sign-in",
    cell: ({ row }) => <LastSignIn row={row.original} />,
  }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => <Actions row={row.original} />,
  }),
]);

function withCount(label: string, n: number) {
  return `${label} (${n})`;
}

function Filters({ counts }: { counts: AdminUserListOutput["counts"] }) {
  return (
    <Toolbar>
      <SearchBox label="Search" placeholder="Name or email" />
      <FilterSelect
        label="Role"
        param="role"
        allLabel={withCount("All roles", counts.all)}
        options={roles.map((r) => ({ value: r, label: withCount(`${roleLabels[r]}s`, counts[r]) }))}
      />
      <FilterSelect
        label="Status"
        param="status"
        allLabel="Any status"
        options={userStatuses.map((s) => ({
          value: s,
          label: withCount(userStatusLabels[s], counts[s]),
        }))}
      />
      <ClearFilters params={["q", "role", "status"]} />
    </Toolbar>
  );
}

export function UserList({
  input,
  onLink,
}: {
  input: UserListQuery;
  onLink: (sent: InvitationSentOutput) => void;
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.users.list.queryOptions(input));
  const [confirm, setConfirm] = useState<Confirm | null>(null);
  const filtered = !!(input.q || input.role || input.status);
  return (
    <Rows.Provider value={{ confirm, setConfirm, activeAdmins: data.activeAdmins, onLink }}>
      <ListUrlProvider>
        <Filters counts={data.counts} />
        {data.total > 0 && data.rows.length === 0 ? (
          <PastTheEnd noun="people" />
        ) : data.rows.length ? (
          <>
            {/* Phones get a card per person, so nothing hides behind a sideways scroll. */}
            <ul className="space-y-3 sm:hidden" aria-label="Users of your agency">
              {data.rows.map((row) => (
                <PersonCard key={row.id} row={row} confirm={confirm} />
              ))}
            </ul>
            {/* The table is the positioned ancestor of its visually hidden labels, so they stay
                in the card's sideways scroll instead of widening the page. */}
            <div className="hidden sm:block [&_table]:relative">
              <DataTable
                caption="Users of your agency"
                columns={columns}
                data={data.rows}
                renderBelow={(row) =>
                  confirm?.userId === row.id ? <ConfirmPanel row={row} confirm={confirm} /> : null
                }
              />
            </div>
          </>
        ) : (
          <EmptyState title={filtered ? "No one matches" : "No users yet"}>
            {filtered
              ? "Try another spelling, or clear the filters to see everyone."
              : "Invite your colleagues with “Invite someone” above."}
          </EmptyState>
        )}
        <Pagination page={data.page} pageSize={data.pageSize} total={data.total} noun="people" />
        <p className={cn("mt-4 text-xs text-muted", data.rows.length ? "" : "hidden")}>
          Disabling someone ends their sessions on their next click; their feedback, candidates and
          history stay as they are.
        </p>
      </ListUrlProvider>
    </Rows.Provider>
  );
}
