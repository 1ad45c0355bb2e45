// Invalid and hostile inputs for a procedure, derived from its zod input schema (through its JSON
// Schema, so the walk sees what the browser would have to send) and made deterministic by fixed
// fast-check seeds. Every value is built on a valid base input, so one field at a time is wrong
// and the rest of the input gets as far as it can: naughty text reaches the database.
import fc from "fast-check";
import superjson from "superjson";
import { z } from "zod";

/** The JSON Schema subset zod 4 emits for our inputs, plus "js-date" for z.date(). */
export type Node = {
  type?: string;
  format?: string;
  enum?: unknown[];
  anyOf?: Node[];
  properties?: Record<string, Node>;
  required?: string[];
  items?: Node;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  default?: unknown;
};

export type Category =
  | "wrong-type"
  | "missing"
  | "extra-keys"
  | "proto-keys"
  | "null"
  | "numbers"
  | "nan-strings"
  | "dates"
  | "uuid-malformed"
  | "uuid-random"
  | "uuid-foreign"
  | "over-long"
  | "empty"
  | "naughty"
  | "generated"
  | "top-level";

/** One input to send: a value superjson serializes, or a raw body for keys superjson would drop. */
export type Case = { category: Category; field: string; label: string } & (
  | { input: unknown; raw?: undefined }
  | { raw: string; input?: undefined }
);

export function inputSchemaOf(inputs: readonly unknown[]): Node | null {
  const schema = inputs[0];
  if (!schema) return null;
  return z.toJSONSchema(schema as z.ZodType, {
    io: "input",
    unrepresentable: "any",
    override: (ctx) => {
      const def = (ctx.zodSchema as { _zod: { def: { type: string } } })._zod.def;
      if (def.type === "date") ctx.jsonSchema.format = "js-date";
    },
  }) as Node;
}

/** Strings every text field must survive: stored as text, rendered escaped, never a 500. */
export const naughtyStrings: readonly string[] = [
  "a\u0000b",
  "\u0000",
  "\ud800",
  "x\udc00y",
  "\u202egnp.exe",
  "a\u200db\u200c\u200b",
  "👩‍👩‍👧‍👦",
  "🙂",
  "\ufeffbom",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "javascript:alert(1)",
  "'; drop table users; --",
  "1 or 1=1",
  "' OR '1'='1",
  "%",
  "_",
  "\\",
  "%_\\%",
  "100%_done\\",
  "   ",
  " \t\r\n ",
  "\u00a0\u2028\u3000",
  "=cmd|' /C calc'!A0",
  "{{7*7}}$\u{7b}7*7}",
  "../../../etc/passwd",
  "null",
  "undefined",
  "\u001b[31mred\u0007",
  "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇",
  "مرحبا بالعالم",
  "𝕿𝖊𝖘𝖙 漢字",
  "a".repeat(10_000),
];

const nanStrings = ["NaN", "Infinity", "-Infinity", "-0", "1e309", "0x1F", "1_000", "", " 1 "];

const malformedUuids = [
  "",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "123e4567-e89b-12d3-a456-42661417400",
  "123e4567-e89b-12d3-a456-4266141740000",
  "{123e4567-e89b-12d3-a456-426614174000}",
  "123e4567e89b12d3a456426614174000",
  "123e4567-e89b-12d3-a456-426614174000 ",
  "123e4567-e89b-12d3-a456-42661417400\u0000",
  "gggggggg-gggg-gggg-gggg-gggggggggggg",
  "' or 1=1 --",
  "%",
];

const badIsoDates = [
  "2026-02-30",
  "2026-13-01",
  "2026-1-1",
  "0000-01-01",
  "9999-12-31",
  "99999-01-01",
  "-001-01-01",
  "2026-01-01T00:00:00Z",
  "today",
  "",
  "2026-01-01\u0000",
];

const badDates: unknown[] = [
  new Date(Number.NaN),
  new Date(8.64e15),
  new Date(-8.64e15),
  new Date(-62_198_755_200_000), // 0000-01-01
  new Date(253_402_300_800_000), // 10000-01-01
  "2026-01-01",
  "not a date",
  1_700_000_000_000,
];

const hugeNumbers: unknown[] = [
  2 ** 31,
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  1e308,
  Number.MAX_VALUE,
  -1,
  -(2 ** 31) - 1,
  -1e308,
  0,
  -0,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  BigInt("99999999999999999999"),
  "1",
];

/** What a valid value for a node looks like; ids come from the caller's fixture. */
export type IdFor = (field: string) => string;

function nonNull(node: Node): Node {
  return node.anyOf?.find((n) => n.type !== "null") ?? node;
}

function isUuid(node: Node) {
  return nonNull(node).format === "uuid";
}

export function validValue(node: Node, field: string, idFor: IdFor): unknown {
  if (node.anyOf) {
    // Nullable ids stay null (a link the base does not need); nullable text gets text.
    const inner = nonNull(node);
    if (inner.format === "uuid" || inner.format === "date") return null;
    return validValue(inner, field, idFor);
  }
  if (node.default !== undefined && node.type !== "object") return node.default;
  if (node.enum) return node.enum[0];
  switch (node.type) {
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        const required = node.required?.includes(key) ?? false;
        // Optional ids are left out: a filter or link the base does not need.
        if (!required && isUuid(child)) continue;
        if (!required && nonNull(child).format === "date") continue;
        out[key] = validValue(child, key, idFor);
      }
      return out;
    }
    case "array": {
      const min = node.minItems ?? 0;
      const item = node.items;
      if (!item) return [];
      if (item.format === "uuid") return [idFor(field)];
      const n = Math.max(min, item.type === "object" ? 1 : 0);
      return Array.from({ length: n }, () => validValue(item, field, idFor));
    }
    case "string":
      if (node.format === "uuid") return idFor(field);
      if (node.format === "date") return "2026-03-02";
      if (node.format === "email") return "valid.person@example.test";
      if (node.pattern && !new RegExp(node.pattern).test("valid text"))
        return sampleMatching(node.pattern);
      if (field === "email") return "valid.person@example.test";
      return "Valid text".slice(0, node.maxLength ?? 10).padEnd(node.minLength ?? 0, "x");
    case "integer":
    case "number":
      return Math.max(node.minimum ?? 1, (node.exclusiveMinimum ?? 0) + 1);
    case "boolean":
      return false;
    default:
      if (node.format === "js-date") return new Date("2026-03-02T10:00:00Z");
      return null;
  }
}

function sampleMatching(pattern: string): string {
  for (const candidate of ["feedback.published", "a", "x1", "valid", "1"]) {
    if (new RegExp(pattern).test(candidate)) return candidate;
  }
  return "a";
}

/** Leaves and objects of a base input, with the schema node at each path. */
type Site = { path: (string | number)[]; node: Node; required: boolean };

function sites(node: Node, base: unknown, path: (string | number)[] = []): Site[] {
  const out: Site[] = [];
  if (node.type === "object" && node.properties && base && typeof base === "object") {
    for (const [key, child] of Object.entries(node.properties)) {
      const required = node.required?.includes(key) ?? false;
      out.push({ path: [...path, key], node: child, required });
      const value = (base as Record<string, unknown>)[key];
      const inner = nonNull(child);
      if (inner.type === "object") out.push(...sites(inner, value, [...path, key]));
      if (
        inner.type === "array" &&
        inner.items?.type === "object" &&
        Array.isArray(value) &&
        value.length
      )
        out.push(...sites(inner.items, value[0], [...path, key, 0]));
    }
  }
  return out;
}

function setAt(base: unknown, path: (string | number)[], value: unknown, remove = false): unknown {
  const copy = structuredClone(base) as Record<string | number, unknown>;
  let target: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  if (remove) delete target[last];
  else target[last] = value;
  return copy;
}

function objectPaths(node: Node, base: unknown): (string | number)[][] {
  return [
    [],
    ...sites(node, base)
      .filter((s) => nonNull(s.node).type === "object")
      .map((s) => s.path),
  ];
}

/** A superjson body with one raw key added to the object at `path` (superjson would drop it). */
function rawWithKey(base: unknown, path: (string | number)[], key: string, value: unknown): string {
  const marker = "\u0001marker\u0001";
  const withMarker = path.length
    ? setAt(base, [...path, marker], 0)
    : { ...(base as object), [marker]: 0 };
  const serialized = JSON.stringify(superjson.serialize(withMarker));
  return serialized.replace(`"${marker}":0`, `${JSON.stringify(key)}:${JSON.stringify(value)}`);
}

function matchesType(node: Node, value: unknown): boolean {
  const types = node.anyOf ? node.anyOf.map((n) => n.type) : [node.type];
  if (value === null) return types.includes("null");
  if (node.format === "js-date") return value instanceof Date;
  if (typeof value === "string") return types.includes("string");
  if (typeof value === "number") return types.includes("number") || types.includes("integer");
  if (typeof value === "boolean") return types.includes("boolean");
  if (Array.isArray(value)) return types.includes("array");
  return false;
}

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h | 0;
}

const wrongTypeArb = fc.oneof(
  fc.anything({
    maxDepth: 2,
    maxKeys: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withBoxedValues: false,
    withNullPrototype: false,
  }),
  fc.constantFrom<unknown>(true, 0, -1, 1.5, [], {}, "text", new Date(0), Number.NaN),
);

export type Options = {
  samples: number;
  idFor: IdFor;
  foreignIdFor: IdFor;
  /** Values the schema cannot tell (a version token, a confirmation), over the generated base. */
  overrides?: Record<string, unknown>;
};

/** Every case for one procedure. */
export function casesFor(path: string, schema: Node | null, opts: Options): Case[] {
  const { samples } = opts;
  const seed = seedOf(path);
  const cases: Case[] = [];
  const add = (category: Category, field: string, label: string, input: unknown) =>
    cases.push({ category, field, label, input });

  // Inputs for any procedure, with or without an input schema.
  add("top-level", "input", "null", null);
  add("top-level", "input", "string", "x");
  add("top-level", "input", "number", 42);
  add("top-level", "input", "array", [1, 2]);
  add("top-level", "input", "10k string", "a".repeat(10_000));
  fc.sample(
    fc.anything({ maxDepth: 3, withBigInt: true, withDate: true, withMap: true, withSet: true }),
    {
      seed,
      numRuns: samples,
    },
  ).forEach((v, i) => {
    add("generated", "input", `anything #${i}`, v);
  });

  if (schema?.type !== "object") {
    cases.push({
      category: "proto-keys",
      field: "input",
      label: "__proto__",
      raw: '{"json":{"__proto__":{"polluted":"yes"}}}',
    });
    return cases;
  }

  const base = baseInput(schema, opts.idFor, opts.overrides);
  add("missing", "input", "undefined input", undefined);
  add("missing", "input", "empty object", {});

  // Whole objects: extra keys and prototype keys (sent raw: superjson would set a prototype).
  for (const objectPath of objectPaths(schema, base)) {
    const where = objectPath.join(".") || "input";
    fc.sample(
      fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 1 }), {
        minKeys: 1,
        maxKeys: 3,
      }),
      {
        seed: seed + 1,
        numRuns: Math.max(1, samples / 2),
      },
    ).forEach((extra, i) => {
      const value = objectPath.length
        ? setAt(base, objectPath, { ...(getAt(base, objectPath) as object), ...extra })
        : { ...(base as object), ...extra };
      add("extra-keys", where, `extra keys #${i}`, value);
    });
    add(
      "extra-keys",
      where,
      "agencyId",
      objectPath.length
        ? base
        : {
            ...(base as object),
            agencyId: opts.foreignIdFor("agencyId"),
            role: "admin",
            userId: opts.foreignIdFor("userId"),
          },
    );
    for (const [key, value] of [
      ["__proto__", { polluted: "yes", role: "admin" }],
      ["constructor", { prototype: { polluted: "yes" } }],
      ["prototype", { polluted: "yes" }],
    ] as const) {
      cases.push({
        category: "proto-keys",
        field: where,
        label: key,
        raw: rawWithKey(base, objectPath, key, value),
      });
    }
  }

  for (const site of sites(schema, base)) {
    const field = site.path.join(".");
    const name = String(site.path.filter((p) => typeof p === "string").at(-1));
    const node = site.node;
    const inner = nonNull(node);
    const put = (category: Category, label: string, value: unknown) =>
      add(category, field, label, setAt(base, site.path, value));
    const siteSeed = seed ^ seedOf(field);

    if (site.required) add("missing", field, "removed", setAt(base, site.path, undefined, true));
    put("null", "null", null);
    put("wrong-type", "undefined", undefined);
    fc.sample(
      wrongTypeArb.filter((v) => !matchesType(node, v)),
      { seed: siteSeed, numRuns: samples },
    ).forEach((v, i) => {
      put("wrong-type", `generated #${i}`, v);
    });

    if (inner.format === "uuid") {
      for (const bad of malformedUuids)
        put("uuid-malformed", JSON.stringify(bad).slice(0, 40), bad);
      fc.sample(fc.uuid(), { seed: siteSeed, numRuns: 2 }).forEach((id, i) => {
        put("uuid-random", `random #${i}`, id);
      });
      put("uuid-foreign", "other agency's id", opts.foreignIdFor(name));
    } else if (inner.format === "date") {
      for (const bad of badIsoDates) put("dates", JSON.stringify(bad), bad);
    } else if (inner.format === "js-date") {
      for (const bad of badDates)
        put("dates", String(bad instanceof Date ? bad.getTime() : bad), bad);
    } else if (inner.enum) {
      for (const bad of [
        "",
        String(inner.enum[0]).toUpperCase(),
        `${String(inner.enum[0])} `,
        "__proto__",
        "constructor",
        "a\u0000b",
      ])
        put("wrong-type", `enum ${JSON.stringify(bad)}`, bad);
    } else if (inner.type === "string") {
      const max = inner.maxLength ?? 10_000;
      put("over-long", `${max + 1} chars`, "a".repeat(max + 1));
      put("over-long", `${max + 1} emoji`, "🙂".repeat(Math.ceil((max + 1) / 2)));
      put("empty", "empty", "");
      for (const naughty of naughtyStrings)
        put("naughty", JSON.stringify(naughty).slice(0, 40), naughty);
      for (const s of nanStrings) put("nan-strings", JSON.stringify(s), s);
      fc.sample(fc.string({ unit: "binary", maxLength: 40 }), {
        seed: siteSeed,
        numRuns: samples,
      }).forEach((s, i) => {
        put("generated", `unicode #${i}`, s);
      });
    } else if (inner.type === "integer" || inner.type === "number") {
      for (const n of hugeNumbers) put("numbers", String(n), n);
      for (const s of nanStrings) put("nan-strings", JSON.stringify(s), s);
      fc.sample(fc.oneof(fc.integer(), fc.double(), fc.bigInt()), {
        seed: siteSeed,
        numRuns: samples,
      }).forEach((n, i) => {
        put("numbers", `generated #${i}`, n);
      });
    } else if (inner.type === "boolean") {
      for (const b of ["true", "false", 1, 0, "on"]) put("wrong-type", JSON.stringify(b), b);
    } else if (inner.type === "array") {
      const max = inner.maxItems ?? 1000;
      const item = inner.items ? validValue(inner.items, name, opts.idFor) : 1;
      put(
        "over-long",
        `${max + 1} items`,
        Array.from({ length: max + 1 }, () => structuredClone(item)),
      );
      put("wrong-type", "[null]", [null]);
      put("wrong-type", "nested array", [[item]]);
      if (inner.items?.format === "uuid") {
        put("uuid-malformed", "[bad id]", ["not-a-uuid"]);
        put("uuid-foreign", "[other agency's id]", [opts.foreignIdFor(name)]);
      }
    }
  }
  return cases;
}

function getAt(base: unknown, path: (string | number)[]): unknown {
  let v = base as Record<string | number, unknown>;
  for (const key of path) v = v[key] as Record<string | number, unknown>;
  return v;
}

export function baseInput(
  schema: Node | null,
  idFor: IdFor,
  overrides: Record<string, unknown> = {},
): unknown {
  if (!schema) return undefined;
  const base = validValue(schema, "", idFor);
  return base && typeof base === "object" ? { ...base, ...overrides } : base;
}
