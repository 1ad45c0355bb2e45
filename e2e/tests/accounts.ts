// The demo accounts of product.md §6 and where each one signs in.
export const PASSWORD = "debrief-demo-2026";

export const portals = {
  consultant: { port: 3100, url: "http://localhost:3100" },
  candidate: { port: 3101, url: "http://localhost:3101" },
} as const;
export type PortalName = keyof typeof portals;

export const accounts = [
  {
    email: "admin@northwind.test",
    name: "Alex Morgan",
    agency: "Northwind Talent",
    portal: "consultant",
  },
  {
    email: "consultant@northwind.test",
    name: "Priya Shah",
    agency: "Northwind Talent",
    portal: "consultant",
  },
  {
    email: "consultant2@northwind.test",
    name: "Tom Becker",
    agency: "Northwind Talent",
    portal: "consultant",
  },
  {
    email: "candidate@northwind.test",
    name: "Jordan Lee",
    agency: "Northwind Talent",
    portal: "candidate",
  },
  {
    email: "candidate2@northwind.test",
    name: "Sam Rivera",
    agency: "Northwind Talent",
    portal: "candidate",
  },
  {
    email: "admin@globex.test",
    name: "Morgan Blake",
    agency: "Globex Recruiting",
    portal: "consultant",
  },
  {
    email: "consultant@globex.test",
    name: "Riley Chen",
    agency: "Globex Recruiting",
    portal: "consultant",
  },
  {
    email: "candidate@globex.test",
    name: "Casey Nguyen",
    agency: "Globex Recruiting",
    portal: "candidate",
  },
] as const satisfies readonly { email: string; name: string; agency: string; portal: PortalName }[];

export type Account = (typeof accounts)[number];
export const other = (portal: PortalName): PortalName =>
  portal === "consultant" ? "candidate" : "consultant";

/** Storage state saved by auth.setup.ts, one file per account. */
export const stateFile = (email: string) => `.auth/${email.replace(/[^a-z0-9]+/gi, "_")}.json`;

export const NEUTRAL_ERROR = "Email or password is incorrect.";
