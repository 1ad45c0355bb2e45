// The personas, outcomes and row templates of the authorization matrix, shared by its fragments.
import type { Database } from "@debrief/db";
import type { AgencyFixture } from "@debrief/db/factories";

/**
 * Who calls. The record is candidate A's (candidateOfRecord), handled by consultant Cora
 * (consultant), who owns candidate A and B and wrote all of their feedback. consultant2 is another
 * consultant of the same agency (Cal): staff work is agency-wide, so Cal may do what Cora may,
 * except where the rule is about the author (approval is for anyone but the author). The last three
 * are sessions as production builds them from a cookie that has gone stale (see
 * authorization.test.ts): disabledUser (a disabled consultant: no session), roleChangedUser (a
 * candidate-portal cookie of a user who is now a consultant: no candidate session) and demotedAdmin
 * (an admin's cookie after their demotion to consultant: a consultant's session, not the author).
 */
export const personas = [
  "anonymous",
  "candidateOfRecord",
  "otherCandidate",
  "consultant",
  "consultant2",
  "admin",
  "foreignConsultant",
  "foreignAdmin",
  "foreignCandidate",
  "disabledUser",
  "roleChangedUser",
  "demotedAdmin",
] as const;
export type Persona = (typeof personas)[number];
export type Denial = "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND";
export type Outcome = "allow" | Denial;

export type Scenario = { home: AgencyFixture; foreign: AgencyFixture };
export type Entry = {
  /** Builds the input; mutations get a fresh record of their own so cells do not interfere. */
  input: (x: Scenario) => Promise<unknown>;
  expect: Record<Persona, Outcome>;
  /** After a denied mutation: the record must be as it was. */
  unchanged?: (x: Scenario, input: unknown) => Promise<void>;
};

// Row templates for the shape of the matrix; spelled out per procedure below.
export const staffOnlyList: Record<Persona, Outcome> = {
  anonymous: "UNAUTHORIZED",
  candidateOfRecord: "FORBIDDEN",
  otherCandidate: "FORBIDDEN",
  consultant: "allow",
  consultant2: "allow", // staff work is agency-wide, not the record consultant's alone
  admin: "allow",
  foreignConsultant: "allow", // their own agency's list; the leak check below applies
  foreignAdmin: "allow",
  foreignCandidate: "FORBIDDEN",
  disabledUser: "UNAUTHORIZED",
  roleChangedUser: "UNAUTHORIZED",
  demotedAdmin: "allow", // now a consultant of the agency: staff work stays open to them
};
export const staffRecord: Record<Persona, Outcome> = {
  ...staffOnlyList,
  foreignConsultant: "NOT_FOUND",
  foreignAdmin: "NOT_FOUND",
};
export const candidateList: Record<Persona, Outcome> = {
  anonymous: "UNAUTHORIZED",
  candidateOfRecord: "allow",
  otherCandidate: "allow", // their own inbox; the leak check below applies
  consultant: "FORBIDDEN",
  consultant2: "FORBIDDEN",
  admin: "FORBIDDEN",
  foreignConsultant: "FORBIDDEN",
  foreignAdmin: "FORBIDDEN",
  foreignCandidate: "allow",
  disabledUser: "UNAUTHORIZED",
  roleChangedUser: "UNAUTHORIZED",
  demotedAdmin: "FORBIDDEN",
};
export const candidateRecord: Record<Persona, Outcome> = {
  ...candidateList,
  otherCandidate: "NOT_FOUND",
  foreignCandidate: "NOT_FOUND",
};

/** Anyone signed in, about their own things (the leak check applies to everyone). */
export const signedIn: Record<Persona, Outcome> = {
  anonymous: "UNAUTHORIZED",
  candidateOfRecord: "allow",
  otherCandidate: "allow",
  consultant: "allow",
  consultant2: "allow",
  admin: "allow",
  foreignConsultant: "allow",
  foreignAdmin: "allow",
  foreignCandidate: "allow",
  disabledUser: "UNAUTHORIZED",
  roleChangedUser: "UNAUTHORIZED",
  demotedAdmin: "allow",
};
/** One record that belongs to candidate A's user alone: everyone else finds nothing. */
export const ownRecordOfCandidate: Record<Persona, Outcome> = {
  anonymous: "UNAUTHORIZED",
  candidateOfRecord: "allow",
  otherCandidate: "NOT_FOUND",
  consultant: "NOT_FOUND",
  consultant2: "NOT_FOUND",
  admin: "NOT_FOUND",
  foreignConsultant: "NOT_FOUND",
  foreignAdmin: "NOT_FOUND",
  foreignCandidate: "NOT_FOUND",
  disabledUser: "UNAUTHORIZED",
  roleChangedUser: "UNAUTHORIZED",
  demotedAdmin: "NOT_FOUND",
};

/** Admin-only procedures on the admin's own agency (the leak check applies to foreign admins). */
export const adminOnlyList: Record<Persona, Outcome> = {
  anonymous: "UNAUTHORIZED",
  candidateOfRecord: "FORBIDDEN",
  otherCandidate: "FORBIDDEN",
  consultant: "FORBIDDEN",
  consultant2: "FORBIDDEN",
  admin: "allow",
  foreignConsultant: "FORBIDDEN",
  foreignAdmin: "allow",
  foreignCandidate: "FORBIDDEN",
  disabledUser: "UNAUTHORIZED",
  roleChangedUser: "UNAUTHORIZED",
  // Their cookie still says admin; the session production builds says consultant.
  demotedAdmin: "FORBIDDEN",
};
/** Admin-only procedures on one record of the home agency: another agency's admin finds nothing. */
export const adminRecord: Record<Persona, Outcome> = {
  ...adminOnlyList,
  foreignAdmin: "NOT_FOUND",
};

/** The connections a matrix fragment may use to arrange records and look behind the app role. */
export type MatrixDb = { app: Database; owner: Database };
/** A part of the matrix kept in its own file: entries keyed by procedure path. */
export type MatrixFragment = (db: MatrixDb) => Record<string, Entry>;
