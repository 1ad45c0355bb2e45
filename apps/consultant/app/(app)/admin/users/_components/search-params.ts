// The users list keeps its search, filters and page in the URL, like the pipeline lists: a value
// that does not parse is dropped rather than failing the page.
import { type AdminUserListInput, roles, userStatuses } from "@debrief/validators";
import type { SearchParams } from "~/pipeline/search-params";

const first = (params: SearchParams, key: string) => {
  const value = params[key];
  return Array.isArray(value) ? value[0] : value;
};

function oneOf<T extends string>(list: readonly T[], value: string | undefined): T | undefined {
  return list.find((item) => item === value);
}

export type UserListQuery = AdminUserListInput & { page: number; pageSize: number };

export function userListInput(params: SearchParams): UserListQuery {
  const q = first(params, "q")?.trim().slice(0, 200);
  const page = Number.parseInt(first(params, "page") ?? "", 10);
  const input: UserListQuery = {
    page: Number.isFinite(page) && page >= 1 && page <= 100_000 ? page : 1,
    pageSize: 20,
  };
  // Only set keys, so the server's prefetch and the client's query share one cache key.
  if (q) input.q = q;
  const role = oneOf(roles, first(params, "role"));
  if (role) input.role = role;
  const status = oneOf(userStatuses, first(params, "status"));
  if (status) input.status = status;
  return input;
}
