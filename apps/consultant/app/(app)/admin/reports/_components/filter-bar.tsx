"use client";
// The filters every report shares, kept in the URL: dates, consultant, client, job. A change goes
// to the URL in a transition, so the figures on screen stay until the new ones have arrived.
import { Button, cn, Field, Input, Select } from "@debrief/ui";
import type { ReportFilterOptions } from "@debrief/validators";
import { useEffect, useRef, useState } from "react";
import { useListUrl } from "~/pipeline/list-controls";
import { type FieldErrors, sharedParams } from "./report-params";

const validDate = (value: string) => /^(20\d\d|2100)-\d\d-\d\d$/.test(value);

/** A date box that sends its value once it is a whole date (or on leaving it), not per keystroke. */
function DateBox({
  label,
  param,
  shown,
  error,
}: {
  label: string;
  param: "from" | "to";
  shown: string;
  error?: string;
}) {
  const { update } = useListUrl();
  const [value, setValue] = useState(shown);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => setValue(shown), [shown]);
  useEffect(() => () => clearTimeout(timer.current), []);
  const commit = (next: string) => {
    clearTimeout(timer.current);
    if (next !== shown) update({ [param]: next || null }, { replace: false });
  };
  return (
    <Field label={label} error={error} className="min-w-0">
      {(p) => (
        <Input
          {...p}
          type="date"
          min="2000-01-01"
          max="2100-12-31"
          value={value}
          onChange={(e) => {
            const next = e.target.value;
            setValue(next);
            clearTimeout(timer.current);
            if (next === "" || validDate(next)) timer.current = setTimeout(() => commit(next), 500);
          }}
          onBlur={() => commit(value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") commit(value);
          }}
        />
      )}
    </Field>
  );
}

export function FilterBar({
  options,
  range,
  errors,
}: {
  options: ReportFilterOptions;
  /** The dates in effect: the URL's, or the defaults the server applies. */
  range: { from?: string; to?: string };
  errors: FieldErrors;
}) {
  const { params, update, pending } = useListUrl();
  const consultant = params.get("consultant") ?? "";
  const client = params.get("client") ?? "";
  const job = params.get("job") ?? "";
  const jobs = client ? options.jobs.filter((j) => j.clientId === client) : options.jobs;
  const clientsWithJobs = options.clients.filter((c) => jobs.some((j) => j.clientId === c.id));
  const anySet = sharedParams.some((key) => params.get(key));
  const error = (field: string) => errors[field]?.[0];

  return (
    <search
      aria-label="Report filters"
      className="rounded-xl border border-line bg-white p-4 shadow-sm"
    >
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3 lg:grid-cols-[9.5rem_9.5rem_1fr_1fr_1fr_auto] lg:items-start">
        <DateBox
          label="From"
          param="from"
          shown={params.get("from") ?? range.from ?? ""}
          error={error("from")}
        />
        <DateBox
          label="To"
          param="to"
          shown={params.get("to") ?? range.to ?? ""}
          error={error("to")}
        />
        <Field
          label="Consultant"
          error={error("consultantId")}
          className="col-span-2 min-w-0 md:col-span-1"
        >
          {(p) => (
            <Select
              {...p}
              value={consultant}
              onChange={(e) => update({ consultant: e.target.value })}
            >
              <option value="">Everyone</option>
              {options.consultants.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.active ? c.name : `${c.name} (disabled)`}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field
          label="Client"
          error={error("clientId")}
          className="col-span-2 min-w-0 md:col-span-1"
        >
          {(p) => (
            <Select
              {...p}
              value={client}
              onChange={(e) => {
                const next = e.target.value;
                const keepJob =
                  !next || options.jobs.some((j) => j.id === job && j.clientId === next);
                update({ client: next, job: keepJob ? job : null });
              }}
            >
              <option value="">All clients</option>
              {options.clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Field label="Job" error={error("jobId")} className="col-span-2 min-w-0 md:col-span-1">
          {(p) => (
            <Select {...p} value={job} onChange={(e) => update({ job: e.target.value })}>
              <option value="">{client ? "All of the client's jobs" : "All jobs"}</option>
              {clientsWithJobs.map((c) => (
                <optgroup key={c.id} label={c.name}>
                  {jobs
                    .filter((j) => j.clientId === c.id)
                    .map((j) => (
                      <option key={j.id} value={j.id}>
                        {j.title}
                      </option>
                    ))}
                </optgroup>
              ))}
            </Select>
          )}
        </Field>
        <div
          className={cn(
            "col-span-2 flex items-center gap-3 md:col-span-3 lg:col-span-1 lg:flex lg:pt-7",
            !anySet && !pending && "hidden",
          )}
        >
          <Button
            variant="ghost"
            size="sm"
            className={cn(!anySet && "invisible")}
            onClick={() => update(Object.fromEntries(sharedParams.map((k) => [k, null])))}
          >
            Reset filters
          </Button>
          <p aria-live="polite" className="text-xs text-muted">
            {pending ? "Updating…" : ""}
          </p>
        </div>
      </div>
    </search>
  );
}
