// tRPC setup: context, error shaping, and the role procedures every router builds on.
import { createHash } from "node:crypto";
import {
  and,
  type Database,
  DatabaseBusyError,
  eq,
  getDb,
  schema as s,
  sql,
  type Tx,
  withTenant,
} from "@debrief/db";
import type { Role } from "@debrief/validators";
import { initTRPC, TRPCError } from "@trpc/server";
// The one internal: a middleware answering on its own (a replayed idempotent mutation) must mark
// its result as tRPC's own middlewares do.
import { middlewareMarker } from "@trpc/server/unstable-core-do-not-import";
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
  /** The request's Idempotency-Key header, if any (see `idempotent` below). */
  idempotencyKey?: string | null;
}) {
  return {
    session: opts.session,
    db: opts.db ?? getDb(),
    requestId: opts.requestId ?? crypto.randomUUID(),
    idempotencyKey: opts.idempotencyKey ?? null,
  };
}

/** Each portal passes its own session function: it only ever returns that portal's roles. */
export async function createTRPCContext(opts: { headers: Headers; getSession: GetSession }) {
  const session = await opts.getSession();
  return createInnerTRPCContext({
    session,
    requestId: opts.headers.get("x-request-id") ?? crypto.randomUUID(),
    idempotencyKey: opts.headers.get("idempotency-key"),
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
  // Values PostgreSQL cannot store: a NUL character in text (22021, 22P05 in JSON), a date or
  // time outside its range (22007-22009), a number too large for its column (22003).
  "22021": { code: "BAD_REQUEST", message: "A value contains a character that cannot be stored" },
  "22P05": { code: "BAD_REQUEST", message: "A value contains a character that cannot be stored" },
  "22008": { code: "BAD_REQUEST", message: "A date is out of range" },
  "22007": { code: "BAD_REQUEST", message: "A date is out of range" },
  "22009": { code: "BAD_REQUEST", message: "A date is out of range" },
  "22003": { code: "BAD_REQUEST", message: "A number is out of range" },
  "42501": { code: "NOT_FOUND", message: "Not found" },
};

/**
 * The database cannot answer right now: the pool stayed busy, a statement ran out of time, or the
 * server is restarting or unreachable (postgres.js reconnects on the next query). The caller may
 * retry; nothing was committed.
 */
const UNAVAILABLE_PG = /^(57014|25P03|57P0[1-3]|08...|53300)$/;
const UNAVAILABLE_NET = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "CONNECT_TIMEOUT",
]);

function unavailable(error: unknown): boolean {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    if (e instanceof DatabaseBusyError) return true;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && (UNAVAILABLE_PG.test(code) || UNAVAILABLE_NET.has(code)))
      return true;
  }
  return false;
}

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
  if (unavailable(cause)) {
    logger.warn({ requestId: ctx.requestId, path, type, ms, code: pgCode(cause) }, "database busy");
    throw new TRPCError({
      code: "SERVICE_UNAVAILABLE",
      message: "The service is busy or restarting; please try again in a moment",
    });
  }
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

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * A mutation sent with an Idempotency-Key header runs once per key and user: a repeat with the
 * same key and the same input gets the first answer back without changing anything again; the
 * same key with another procedure or input is refused (409). The key and the answer are stored in
 * the mutation's own transaction, so a failed mutation leaves the key unused. Concurrent repeats
 * wait on a transaction-scoped advisory lock on the key, then find the stored answer.
 */
const idempotent = t.middleware(async ({ ctx, next, path, type, getRawInput }) => {
  const key = ctx.idempotencyKey;
  if (type !== "mutation" || key === null) return next();
  const scope = ctx as typeof ctx & { tx: Tx; user: SessionUser };
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError("BAD_REQUEST", "The Idempotency-Key header is not valid", {
      "Idempotency-Key": ["must be 1 to 200 visible ASCII characters"],
    });
  }
  const requestHash = createHash("sha256")
    .update(JSON.stringify(superjson.serialize(await getRawInput())))
    .digest("hex");
  const { tx, user } = scope;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${user.id}:${key}`}, 0))`);
  const k = s.idempotencyKeys;
  const [stored] = await tx
    .select({ path: k.path, requestHash: k.requestHash, response: k.response })
    .from(k)
    .where(and(eq(k.userId, user.id), eq(k.key, key)));
  if (stored) {
    if (stored.path !== path || stored.requestHash !== requestHash) {
      throw new DomainError(
        "CONFLICT",
        "This Idempotency-Key was already used for another request",
        {
          "Idempotency-Key": ["was already used for another request"],
        },
      );
    }
    return {
      marker: middlewareMarker,
      ok: true as const,
      data: superjson.deserialize(stored.response as Parameters<typeof superjson.deserialize>[0]),
      ctx: undefined,
    };
  }
  const result = await next();
  if (result.ok) {
    await tx.insert(k).values({
      agencyId: user.agencyId,
      userId: user.id,
      key,
      path,
      requestHash,
      response: superjson.serialize(result.data),
    });
  }
  return result;
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
    .use(inTenant)
    .use(idempotent);
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
