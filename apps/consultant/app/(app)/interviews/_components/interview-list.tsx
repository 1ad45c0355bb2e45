"use client";
import { Badge, buttonClass, EmptyState } from "@debrief/ui";
import {
  type InterviewListInput,
  type InterviewOutcome,
  type InterviewRow,
  interviewOutcomes,
  interviewStages,
  outcomeLabels,
  stageLabels,
} from "@debrief/validators";
import { useTRPC } from "@debrief/web/trpc/react";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { createContext, useContext, useState } from "react";
import { columnsFor, DataTable } from "~/pipeline/data-table";
import { LocalTime } from "~/pipeline/dates";
import {
  ClearFilters,
  DateFilter,
  FilterSelect,
  ListUrlProvider,
  Pagination,
  PastTheEnd,
  SearchBox,
  Toolbar,
  useListUrl,
} from "~/pipeline/list-controls";
import { RecordOutcome } from "./record-outcome";

export const outcomeTones: Record<
  InterviewOutcome,
  "neutral" | "brand" | "green" | "red" | "amber"
> = {
  pending: "neutral",
  progressed: "brand",
  offered: "green",
  rejected: "red",
  withdrawn: "amber",
};

/** Which row's outcome form is open; the actions cell toggles it. */
const OpenRow = createContext<{ openId: string | null; toggle: (id: string) => void }>({
  openId: null,
  toggle: () => {},
});

function OutcomeButton({ row }: { row: InterviewRow }) {
  const { openId, toggle } = useContext(OpenRow);
  const open = openId === row.id;
  return (
    <button
      type="button"
      className={buttonClass(open ? "primary" : "secondary", "sm")}
      aria-expanded={open}
      aria-controls={open ? `outcome-${row.id}` : undefined}
      onClick={() => toggle(row.id)}
    >
      {row.outcome === "pending" ? "Record outcome" : "Change outcome"}
      <span className="sr-only"> for {row.candidateName}</span>
    </button>
  );
}

function FeedbackCell({ row }: { row: InterviewRow }) {
  const href = `/interviews/${row.id}/feedback`;
  if (row.outcome !== "rejected") {
    return row.feedbackStatus ? (
      <Badge>Draft on hold</Badge>
    ) : (
      <span className="text-muted">—</span>
    );
  }
  switch (row.feedbackStatus) {
    case null:
      return (
        <Link href={href} className={buttonClass("primary", "sm")}>
          Write feedback<span className="sr-only"> for {row.candidateName}</span>
        </Link>
      );
    case "draft":
      return (
        <Link href={href} className={buttonClass("secondary", "sm")}>
          Continue draft<span className="sr-only"> for {row.candidateName}</span>
        </Link>
      );
    case "in_review":
      return (
        <Link href={href}>
          <Badge tone="amber">In review</Badge>
        </Link>
      );
    case "published":
      return (
        <Link href={href}>
          <Badge tone="green">Published</Badge>
        </Link>
      );
    default:
      return <Badge>Retracted</Badge>;
  }
}

const column = columnsFor<InterviewRow>();
const columns = column.columns([
  column.accessor("scheduledAt", {
    header: "Date",
    cell: ({ row }) => (
      <div className="text-ink">
        <LocalTime value={row.original.scheduledAt} format="date" />
        <p className="text-xs text-muted">
          <LocalTime value={row.original.scheduledAt} format="time" />
        </p>
      </div>
    ),
  }),
  column.accessor("candidateName", {
    header: "Candidate",
    cell: ({ row }) => (
      <Link
        href={`/interviews?candidate=${row.original.candidateId}`}
        className="font-medium text-ink hover:text-brand-700 hover:underline"
        title={`All interviews of ${row.original.candidateName}`}
      >
        {row.original.candidateName}
      </Link>
    ),
  }),
  column.accessor("jobTitle", {
    header: "Job and stage",
    cell: ({ row }) => (
      <div className="min-w-44">
        <p className="text-ink">{row.original.jobTitle}</p>
        <p className="text-xs text-muted">
          {row.original.clientName} · {stageLabels[row.original.stage]}
        </p>
      </div>
    ),
  }),
  column.accessor("consultantName", { header: "Consultant" }),
  column.accessor("outcome", {
    header: "Outcome",
    cell: ({ row }) => (
      <div className="space-y-1">
        <Badge tone={outcomeTones[row.original.outcome]}>
          {outcomeLabels[row.original.outcome]}
        </Badge>
        {row.original.outcomeAt ? (
          <p className="text-xs text-muted">
            <LocalTime value={row.original.outcomeAt} format="date" />
          </p>
        ) : null}
      </div>
    ),
  }),
  column.accessor("feedbackStatus", {
    header: "Feedback",
    cell: ({ row }) => <FeedbackCell row={row.original} />,
  }),
  column.display({
    id: "actions",
    header: () => <span className="sr-only">Actions</span>,
    cell: ({ row }) => (
      <div className="flex justify-end gap-2">
        <OutcomeButton row={row.original} />
        <Link href={`/interviews/${row.original.id}/edit`} className={buttonClass("ghost", "sm")}>
          Edit<span className="sr-only"> interview of {row.original.candidateName}</span>
        </Link>
      </div>
    ),
  }),
]);

/** The candidate or job the list is narrowed to, with a way back to everything. */
function ScopeChips({ input }: { input: InterviewListInput }) {
  const trpc = useTRPC();
  const { hrefWith } = useListUrl();
  const { data: options } = useSuspenseQuery(trpc.interview.formOptions.queryOptions());
  const candidate = useQuery({
    ...trpc.candidate.byId.queryOptions({ id: input.candidateId ?? "" }),
    enabled: Boolean(input.candidateId),
  });
  const job = options.jobs.find((j) => j.id === input.jobId);
  const chips = [
    input.candidateId
      ? { param: "candidate", label: `Candidate: ${candidate.data?.name ?? "selected candidate"}` }
      : null,
    input.jobId
      ? {
          param: "job",
          label: `Job: ${job ? `${job.title} at ${job.clientName}` : "selected job"}`,
        }
      : null,
  ].filter((c) => c !== null);
  if (!chips.length) return null;
  return (
    <ul className="mb-4 flex flex-wrap gap-2" aria-label="Narrowed to">
      {chips.map((chip) => (
        <li
          key={chip.param}
          className="inline-flex items-center gap-2 rounded-full bg-brand-50 py-1 pr-1 pl-3 text-sm text-brand-800"
        >
          {chip.label}
          <Link
            href={hrefWith({ [chip.param]: null })}
            className="rounded-full px-2 text-brand-700 hover:bg-brand-100"
            aria-label={`Remove filter ${chip.label}`}
          >
            ×
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function InterviewList({
  input,
  me,
}: {
  input: InterviewListInput & { page: number; pageSize: number };
  me: string;
}) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.interview.list.queryOptions(input));
  const { data: options } = useSuspenseQuery(trpc.interview.formOptions.queryOptions());
  const [openId, setOpenId] = useState<string | null>(null);
  const toggle = (id: string) => setOpenId((current) => (current === id ? null : id));
  const filterKeys = ["q", "outcome", "stage", "consultant", "from", "to", "candidate", "job"];
  const filtered = Boolean(
    input.q ||
      input.outcome ||
      input.stage ||
      input.consultantId ||
      input.from ||
      input.to ||
      input.candidateId ||
      input.jobId,
  );
  return (
    <ListUrlProvider>
      <Toolbar>
        <SearchBox label="Candidate" placeholder="Search by name" className="sm:w-56" />
        <FilterSelect
          label="Outcome"
          param="outcome"
          allLabel="Any outcome"
          className="sm:w-36"
          options={interviewOutcomes.map((o) => ({ value: o, label: outcomeLabels[o] }))}
        />
        <FilterSelect
          label="Stage"
          param="stage"
          allLabel="Any stage"
          className="sm:w-40"
          options={interviewStages.map((s) => ({ value: s, label: stageLabels[s] }))}
        />
        <FilterSelect
          label="Consultant"
          param="consultant"
          allLabel="Anyone"
          className="sm:w-44"
          options={options.consultants.map((c) => ({
            value: c.id,
            label: c.id === me ? `${c.name} (you)` : c.name,
          }))}
        />
        <DateFilter label="From" param="from" />
        <DateFilter label="To" param="to" />
        <ClearFilters params={filterKeys} />
      </Toolbar>
      <ScopeChips input={input} />
      {data.total > 0 && data.rows.length === 0 ? (
        <PastTheEnd noun="interviews" />
      ) : data.rows.length ? (
        <OpenRow.Provider value={{ openId, toggle }}>
          <DataTable
            caption="Interviews, newest first"
            columns={columns}
            data={data.rows}
            renderBelow={(row) =>
              row.id === openId ? (
                <RecordOutcome interview={row} me={me} onDone={() => setOpenId(null)} />
              ) : null
            }
          />
        </OpenRow.Provider>
      ) : filtered ? (
        <EmptyState title="No interviews match">
          Widen the dates or clear a filter. Looking for someone new? Add the interview.
        </EmptyState>
      ) : (
        <EmptyState
          title="No interviews yet"
          action={
            <Link href="/interviews/new" className={buttonClass()}>
              Add an interview
            </Link>
          }
        >
          Add interviews as they are booked. When you hear back, record the outcome here: a
          rejection goes to your feedback queue.
        </EmptyState>
      )}
      <Pagination page={data.page} pageSize={data.pageSize} total={data.total} noun="interviews" />
    </ListUrlProvider>
  );
}
