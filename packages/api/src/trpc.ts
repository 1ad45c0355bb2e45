// tRPC setup: context, error shaping, and the role procedures every router builds on.
import { type Database, getDb, type Tx, withTenant } from "@debrief/db";
import type { Role } from "@debrief/validators";
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { DomainError, type FieldErrors } from "./errors";
import { logger } from "./logger";

export type SessionUser = {
  id: string;
  role: Role;
  agencyId: string;
  name: string;
  email: string;
  agencyName: string;
};
export type Session = { user: SessionUser };
export type GetSession = () => Promise<Session | null>;

export function createInnerTRPCContext(opts: {
  session: Session | null;
  db?: Database;
  requestId?: string;
}) {
  return {
    session: opts.session,
    db: opts.db ?? getDb(),
    requestId: opts.requestId ?? crypto.randomUUID(),
  };
}

/** Each portal passes its own session function: it only ever returns that portal's roles. */
export async function createTRPCContext(opts: { headers: Headers; getSession: GetSession }) {
  const session = await opts.getSession();
  return createInnerTRPCContext({
    session,
    requestId: opts.headers.get("x-request-id") ?? crypto.randomUUID(),
  });
}

export type Context = Awaited<ReturnType<typeof createInnerTRPCContext>>;

function zodFieldErrors(error: ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "input";
    errors[path] = [...(errors[path] ?? []), issue.message];
  }
  return errors;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let fieldErrors: FieldErrors | null = null;
    // Keyed by the full dotted path ("items.0.detail"), as forms address fields; flattenError
    // would keep only the first segment. Output-validation failures stay internal.
    if (cause instanceof ZodError && error.code !== "INTERNAL_SERVER_ERROR") {
      fieldErrors = zodFieldErrors(cause);
    } else if (cause instanceof DomainError && cause.fieldErrors) fieldErrors = cause.fieldErrors;
    const message =
      error.code === "INTERNAL_SERVER_ERROR"
        ? "Something went wrong on our side. Please try again."
        : cause instanceof ZodError
          ? `Invalid input: ${cause.issues.map((i) => `${i.path.join(".") || "input"} ${i.message}`).join("; ")}`
          : shape.message;
    return {
      ...shape,
      message,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, fieldErrors },
    };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

// PostgreSQL errors that are the caller's fault, not ours.
const pgCodes: Record<string, { code: TRPCError["code"]; message: string }> = {
  "23503": { code: "NOT_FOUND", message: "A referenced record was not found" },
  "23505": { code: "CONFLICT", message: "That already exists" },
  "23514": { code: "BAD_REQUEST", message: "That change breaks a rule of the record" },
  "22P02": { code: "BAD_REQUEST", message: "A value has the wrong format" },
  "42501": { code: "NOT_FOUND", message: "Not found" },
};

function pgCode(error: unknown): string | undefined {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
  }
  return undefined;
}

/** The one place where domain and database errors become tRPC codes, and unknown ones are logged. */
const errorMapping = t.middleware(async ({ ctx, next, path, type }) => {
  const started = performance.now();
  const result = await next();
  const ms = Math.round(performance.now() - started);
  if (result.ok) {
    logger.debug({ requestId: ctx.requestId, path, type, ms }, "procedure ok");
    return result;
  }
  const { error } = result;
  const cause = error.cause;
  if (cause instanceof DomainError)
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  const mapped = pgCodes[pgCode(cause) ?? ""];
  if (mapped) throw new TRPCError({ code: mapped.code, message: mapped.message });
  if (error.code === "INTERNAL_SERVER_ERROR") {
    logger.error(
      { requestId: ctx.requestId, path, type, ms, err: { name: cause?.name, code: pgCode(cause) } },
      "procedure failed",
    );
  }
  return result;
});

export const publicProcedure = t.procedure.use(errorMapping);

/**
 * Identity and tenant come from the server session only, and every query of the call runs in one
 * transaction with the tenant set (withTenant): a failure rolls all of it back.
 */
const inTenant = t.middleware(async ({ ctx, next }) => {
  const session = ctx.session;
  if (!session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in" });
  const { user } = session;
  const tenant = { agencyId: user.agencyId, userId: user.id, role: user.role };
  return withTenant(ctx.db, tenant, async (tx: Tx) => {
    const result = await next({ ctx: { ...ctx, session, user, tx } });
    if (!result.ok) throw result.error;
    return result;
  });
});

/** Checks the role before any transaction opens; no roles means any signed-in user. */
function forRoles(...roles: Role[]) {
  return publicProcedure
    .use(({ ctx, next }) => {
      if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in" });
      if (roles.length && !roles.includes(ctx.session.user.role)) {
        throw new TRPCError({ code: "FORBIDDEN", message: "You do not have access to this" });
      }
      return next();
    })
    .use(inTenant);
}

export const protectedProcedure = forRoles();
export const candidateProcedure = forRoles("candidate");
export const consultantProcedure = forRoles("consultant", "admin");
export const adminProcedure = forRoles("admin");

export type ProtectedContext = {
  tx: Tx;
  user: SessionUser;
  requestId: string;
};
