// A stand-in for a portal process in the fault tests: runs one tRPC mutation through the same
// router, context and pool code the portals use, then prints "done". The test kills it mid-way.
import { createDb } from "@debrief/db";
import { createCaller } from "../src/root";
import { createInnerTRPCContext, type SessionUser } from "../src/trpc";

const user = JSON.parse(process.env.FAULT_USER ?? "{}") as SessionUser;
const input = JSON.parse(process.env.FAULT_INPUT ?? "{}") as {
  feedbackId: string;
  version: number;
};
const db = createDb(process.env.FAULT_APP_URL ?? "", { max: 1 });
const caller = createCaller(createInnerTRPCContext({ session: { user }, db }));
console.log("started");
await caller.feedback.publish(input);
console.log("done");
await db.$client.end();
