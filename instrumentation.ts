/**
 * Runs once when a server process starts: opens the appointment store and starts the outbox worker, so
 * notifications left unsent by a stopped process go out now, not on the next request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this file too; a build must not open the database or send mail.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { errorCode, installLogGuards, logEvent } = await import("./lib/log");
  // First: a log write that fails later (a full disk) must not become an uncaught error in every request.
  installLogGuards();
  // A wrong setting stops the server with its name and what it must be, rather than serving a form that fails.
  const { stopOnInvalidServerEnv } = await import("./lib/env");
  stopOnInvalidServerEnv((message) => logEvent("error", "env.invalid", { message }));
  const { getAppointmentsRuntime } = await import("./lib/appointments/runtime");
  try {
    await getAppointmentsRuntime();
  } catch (error) {
    // The site's pages still work; the form will tell patients to call.
    logEvent("error", "appointments.start_failed", { error: errorCode(error), message: (error as Error).message });
  }
}
