import { healthHandler } from "@debrief/web/health";

export const dynamic = "force-dynamic";
export const GET = healthHandler;
