// Structured JSON logs. Never log personal data or feedback text: ids, codes and timings only.
import pino from "pino";

export const logger = pino({ level: "info", base: { service: "debrief" } });
