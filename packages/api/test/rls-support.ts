// The row-level security probe shared by the rls-*.test.ts files: for one tenant table and one
// persona's settings, every way the app role could read or write another agency's rows, each
// run straight against PostgreSQL as the app role in a transaction that is always rolled back.
// Tables are enumerated from the catalog, so a table added later is probed without a test change.
import { type Database, type SQL, sql, type Tenant, type Tx, withTenant } from "@debrief/db";
import type { AgencyFixture } from "@debrief/db/factories";

export type TableInfo = {
  name: string;
  /** The column the policy compares with app.agency_id: id for agencies, agency_id elsewhere. */
  key: string;
  /** Columns an INSERT may name (not generated, not identity ALWAYS). */
  columns: string[];
  primaryKey: string[];
  /** Type of the id column when there is one (copies get a fresh id). */
  idType: string | null;
  canUpdate: boolean;
  canDelete: boolean;
};

/** Every table the tenant policy must guard: each public table with agency_id, and agencies. */
export async function tenantTables(owner: Database, appRole: string): Promise<TableInfo[]> {
  return owner.execute<TableInfo>(sql`
    select c.relname as name,
      case when c.relname = 'agencies' then 'id' else 'agency_id' end as key,
      array(select a.attname::text from pg_attribute a
            where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
              and a.attgenerated = '' and a.attidentity <> 'a' order by a.attnum) as columns,
      array(select a.attname::text from pg_index i
            join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
            where i.indrelid = c.oid and i.indisprimary order by a.attnum) as "primaryKey",
      (select format_type(a.atttypid, a.atttypmod) from pg_attribute a
       where a.attrelid = c.oid and a.attname = 'id' and not a.attisdropped) as "idType",
      has_table_privilege(${appRole}, c.oid, 'UPDATE') as "canUpdate",
      has_table_privilege(${appRole}, c.oid, 'DELETE') as "canDelete"
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
      and (c.relname = 'agencies' or exists (
        select 1 from pg_attribute a
        where a.attrelid = c.oid and a.attname = 'agency_id' and not a.attisdropped))
    order by 1`);
}

/** A persona's database settings: what withTenant sets for them, or nothing at all. */
export type Persona = {
  label: string;
  tenant: Tenant | null;
  /** The agency whose rows the persona owns (null: no tenant, owns nothing). */
  own: string | null;
  /** Agencies whose rows must stay out of reach. */
  others: string[];
};

export function personasOf(x: AgencyFixture, y: AgencyFixture): Persona[] {
  const list: Persona[] = [];
  for (const [name, f, other] of [
    ["X", x, y],
    ["Y", y, x],
  ] as const) {
    for (const [who, user] of [
      ["admin", f.users.admin],
      ["consultant", f.users.consultant],
      ["candidate", f.users.candidateA],
    ] as const) {
      list.push({
        label: `${who} ${name}`,
        tenant: { agencyId: f.agencyId, userId: user.id, role: user.role },
        own: f.agencyId,
        others: [other.agencyId],
      });
    }
  }
  list.push({ label: "no tenant", tenant: null, own: null, others: [x.agencyId, y.agencyId] });
  return list;
}

class Rollback extends Error {}

type PgError = { code?: string; message: string };

export function pgErrorOf(error: unknown): PgError {
  for (let e = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) {
      return { code, message: String((e as { message?: unknown }).message) };
    }
  }
  return { message: error instanceof Error ? error.message : String(error) };
}

type Outcome = { rows: number } | { error: PgError };

/** Runs fn with the persona's settings (or none) and always rolls back. */
export async function attempt(
  app: Database,
  persona: Persona,
  fn: (tx: Tx) => Promise<number>,
): Promise<Outcome> {
  let outcome: Outcome | undefined;
  const body = async (tx: Tx) => {
    outcome = { rows: await fn(tx) };
    throw new Rollback();
  };
  try {
    await (persona.tenant ? withTenant(app, persona.tenant, body) : app.transaction(body));
  } catch (error) {
    if (!(error instanceof Rollback)) return { error: pgErrorOf(error) };
  }
  if (!outcome) throw new Error("attempt finished without an outcome");
  return outcome;
}

const RLS_VIOLATION = /new row violates row-level security policy/;
const PERMISSION_DENIED = /permission denied for (table|relation)/;

export type CaseResult = { check: string; ok: boolean; detail: string };

function expectRows(check: string, outcome: Outcome, expected: number): CaseResult {
  if ("rows" in outcome) {
    return { check, ok: outcome.rows === expected, detail: `${outcome.rows} rows` };
  }
  return { check, ok: false, detail: `error ${outcome.error.code}: ${outcome.error.message}` };
}

function expectRefusal(check: string, outcome: Outcome, message: RegExp): CaseResult {
  if ("rows" in outcome) return { check, ok: false, detail: `succeeded (${outcome.rows} rows)` };
  const { code, message: text } = outcome.error;
  return { check, ok: code === "42501" && message.test(text), detail: `error ${code}: ${text}` };
}

const ident = (name: string) => sql.identifier(name);
const list = (names: string[]) =>
  sql.join(
    names.map((n) => ident(n)),
    sql`, `,
  );

/** One of the agency's rows as JSON, read as the owner (who is not subject to the policy). */
async function sampleRow(owner: Database, table: TableInfo, agencyId: string) {
  const [row] = await owner.execute<{ row: Record<string, unknown> }>(
    sql`select row_to_json(t)::jsonb as row from ${ident(table.name)} t
        where ${ident(table.key)} = ${agencyId}::uuid limit 1`,
  );
  if (!row) throw new Error(`${table.name} has no row of agency ${agencyId} to probe with`);
  return row.row;
}

function freshId(type: string | null): unknown {
  if (type === "uuid") return crypto.randomUUID();
  if (type && /int/.test(type)) return 2_000_000_000 - Math.floor(Math.random() * 1_000_000);
  return undefined;
}

/** INSERT … SELECT from jsonb_populate_record: any table, any column types, no hand-written list. */
function insertCopy(table: TableInfo, row: Record<string, unknown>): SQL {
  return sql`insert into ${ident(table.name)} (${list(table.columns)})
    select ${list(table.columns)} from jsonb_populate_record(null::${ident(table.name)}, ${JSON.stringify(row)}::jsonb)
    returning 1`;
}

/** Moves one existing row (found by primary key) into another agency. */
function moveRow(table: TableInfo, row: Record<string, unknown>, to: string): SQL {
  const match = sql.join(
    table.primaryKey.map((c) => sql`target.${ident(c)} = src.${ident(c)}`),
    sql` and `,
  );
  return sql`update ${ident(table.name)} as target set ${ident(table.key)} = ${to}::uuid
    from jsonb_populate_record(null::${ident(table.name)}, ${JSON.stringify(row)}::jsonb) as src
    where ${match} returning 1`;
}

/**
 * Every isolation check of one table for one persona. ok=false on any case means the table leaks
 * (or refuses for the wrong reason): the matrix asserts none, the policy-breaking test asserts some.
 */
export async function probe(
  app: Database,
  owner: Database,
  table: TableInfo,
  persona: Persona,
): Promise<CaseResult[]> {
  const results: CaseResult[] = [];
  const t = ident(table.name);
  const key = ident(table.key);
  const count = async (tx: Tx, where: SQL) => {
    const [row] = await tx.execute<{ n: number }>(
      sql`select count(*)::int as n from ${t} where ${where}`,
    );
    return row?.n ?? -1;
  };

  // SELECT: nothing of anyone else's, all of its own.
  const foreign = persona.own ? sql`${key} is distinct from ${persona.own}::uuid` : sql`true`;
  results.push(
    expectRows(
      "select: no other agency's rows",
      await attempt(app, persona, (tx) => count(tx, foreign)),
      0,
    ),
  );
  if (persona.own) {
    const own = persona.own;
    const [expected] = await owner.execute<{ n: number }>(
      sql`select count(*)::int as n from ${t} where ${key} = ${own}::uuid`,
    );
    results.push(
      expectRows(
        "select: all of its own rows",
        await attempt(app, persona, (tx) => count(tx, sql`${key} = ${own}::uuid`)),
        expected?.n ?? -1,
      ),
    );
  }

  for (const other of persona.others) {
    // UPDATE and DELETE of another agency's rows reach none (or are refused outright by grants).
    const update = await attempt(
      app,
      persona,
      async (tx) =>
        (
          await tx.execute(
            sql`update ${t} set ${key} = ${key} where ${key} = ${other}::uuid returning 1`,
          )
        ).length,
    );
    results.push(
      table.canUpdate
        ? expectRows("update other agency's rows: 0", update, 0)
        : expectRefusal("update other agency's rows: no grant", update, PERMISSION_DENIED),
    );
    const remove = await attempt(
      app,
      persona,
      async (tx) =>
        (await tx.execute(sql`delete from ${t} where ${key} = ${other}::uuid returning 1`)).length,
    );
    results.push(
      table.canDelete
        ? expectRows("delete other agency's rows: 0", remove, 0)
        : expectRefusal("delete other agency's rows: no grant", remove, PERMISSION_DENIED),
    );
  }

  // INSERT a copy of one of its own rows, carrying the other agency's id: WITH CHECK refuses.
  // Without a tenant there is no own row: copy each agency's row unchanged, which must fail too.
  const inserts: [string, Record<string, unknown>][] = [];
  if (persona.own) {
    const row = await sampleRow(owner, table, persona.own);
    for (const other of persona.others) inserts.push([other, row]);
  } else {
    for (const other of persona.others) inserts.push([other, await sampleRow(owner, table, other)]);
  }
  for (const [other, row] of inserts) {
    const copy: Record<string, unknown> = { ...row, [table.key]: other };
    const id = table.key === "id" ? undefined : freshId(table.idType);
    if (id !== undefined) copy.id = id;
    const insert = await attempt(
      app,
      persona,
      async (tx) => (await tx.execute(insertCopy(table, copy))).length,
    );
    results.push(expectRefusal("insert into other agency: WITH CHECK", insert, RLS_VIOLATION));
  }

  // UPDATE one of its own rows into the other agency: WITH CHECK refuses (or no UPDATE grant).
  if (persona.own) {
    const row = await sampleRow(owner, table, persona.own);
    for (const other of persona.others) {
      const move = await attempt(
        app,
        persona,
        async (tx) => (await tx.execute(moveRow(table, row, other))).length,
      );
      results.push(
        table.canUpdate
          ? expectRefusal("move own row into other agency: WITH CHECK", move, RLS_VIOLATION)
          : expectRefusal("move own row into other agency: no grant", move, PERMISSION_DENIED),
      );
    }
  }
  return results;
}
