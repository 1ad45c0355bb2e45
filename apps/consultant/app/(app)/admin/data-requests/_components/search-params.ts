// The data-request list's filters and page, from the URL; a value that does not parse is dropped.
import {
  DATA_REQUEST_PAGE_SIZE,
  type DataRequestListInput,
  dataRequestKinds,
  dataRequestStatuses,
} from "@debrief/validators";
import { z } from "zod";

export type SearchParams = Record<string, string | string[] | undefined>;

const first = (params: SearchParams, key: string) => {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
};

export type DataRequestPageInput = DataRequestListInput & { page: number; pageSize: number };

export function dataRequestListInput(params: SearchParams): DataRequestPageInput {
  const status = z.enum(dataRequestStatuses).safeParse(first(params, "status"));
  const kind = z.enum(dataRequestKinds).safeParse(first(params, "kind"));
  const page = Number.parseInt(first(params, "page") ?? "", 10);
  const input: DataRequestPageInput = {
    status: status.success ? status.data : undefined,
    kind: kind.success ? kind.data : undefined,
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
    pageSize: DATA_REQUEST_PAGE_SIZE,
  };
  return Object.fromEntries(
    Object.entries(input).filter(([, v]) => v !== undefined),
  ) as DataRequestPageInput;
}
