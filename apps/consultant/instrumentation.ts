export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { validateServerEnv } = await import("@debrief/web/instrumentation");
    validateServerEnv();
  }
}
