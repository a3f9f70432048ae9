/**
 * One appointment request from the form to the store: validation, honeypot, the same request sent again, rate
 * limits, then the request and its notification committed together. "Received" is returned only after that
 * commit, or for a request that was already committed.
 */
import { errorCode, logEvent } from "@/lib/log";
import { getClinic } from "@/lib/site";
import { hashIp } from "./crypto";
import { notificationMessageId, sealRequest, submissionFingerprint } from "./requests";
import type { AppointmentsRuntime } from "./runtime";
import { offeredBestTimes, type BestTime, type FieldErrors } from "./fields";
import { appointmentRequestSchemaFor, fieldErrorsOf } from "./schema";
import { DuplicateReferenceError } from "./store";

export type SubmitResult =
  | { status: "received"; reference: string }
  | { status: "invalid"; fieldErrors: FieldErrors }
  | { status: "rate-limited" }
  | { status: "unavailable" };

/** How long the same details count as the same request: a reload, a double tap, a retry after a dropped line. */
export const DUPLICATE_WINDOW_MS = 15 * 60_000;

/** The rate-limit key of the whole site; never a keyed hash, which has no "*". */
const WHOLE_SITE = "*whole-site*";

/**
 * What a bot put in the hidden field: anything but nothing. `values` are every value posted under its name
 * (a field sent twice, or as a file, is as much a bot as one sent once).
 */
export function honeypotFilled(values: readonly unknown[]): boolean {
  return values.some((value) => typeof value !== "string" || value !== "");
}

// One log line per window when the whole site's cap is reached, not one per refused request of a flood.
let globalCapLoggedForWindow = -1;

export async function submitAppointmentRequest(
  runtime: Pick<AppointmentsRuntime, "store" | "keys" | "env" | "outbox">,
  fields: Record<string, unknown>,
  {
    clientAddress,
    honeypot = [],
    now = new Date(),
    deliverSoon = (task) => void task(),
    offeredTimes = offeredBestTimes(getClinic().callTimes),
  }: {
    clientAddress: string;
    honeypot?: readonly unknown[];
    now?: Date;
    /** Runs the first attempt to notify staff; the server action passes Next's `after()`, which outlives the response. */
    deliverSoon?: (task: () => Promise<unknown>) => void;
    /** The call times the form offers; by default the clinic's (content/clinic.yaml), as the form shows them. */
    offeredTimes?: readonly BestTime[];
  },
): Promise<SubmitResult> {
  const parsed = appointmentRequestSchemaFor(offeredTimes).safeParse(fields);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };

  try {
    const { store, keys, env } = runtime;
    // A filled honeypot is a bot: answer as if received, store nothing, tell nobody, and count nothing, so bots
    // use up neither the site's cap (which would close the form for patients) nor a limit an attacker could probe.
    if (honeypotFilled(honeypot)) {
      logEvent("info", "appointments.honeypot_dropped");
      return { status: "received", reference: sealRequest(keys.encryption, parsed.data, now).reference };
    }

    const fingerprint = submissionFingerprint(keys.fingerprint, parsed.data, clientAddress);
    const duplicateSinceIso = new Date(now.getTime() - DUPLICATE_WINDOW_MS).toISOString();
    // Before the rate limit: a patient who reloads the confirmation must see it again, not "too many requests".
    const earlier = await store.findRecentSubmission(fingerprint, duplicateSinceIso);
    if (earlier) {
      logEvent("info", "appointments.duplicate", { reference: earlier });
      return { status: "received", reference: earlier };
    }

    const windowMs = env.RATE_LIMIT_WINDOW_SECONDS * 1000;
    if (!(await store.recordRateLimitHit(hashIp(keys.ipHash, clientAddress), now.getTime(), windowMs, env.RATE_LIMIT_MAX))) {
      logEvent("warn", "appointments.rate_limited");
      return { status: "rate-limited" };
    }
    if (!(await store.recordRateLimitHit(WHOLE_SITE, now.getTime(), windowMs, env.RATE_LIMIT_GLOBAL_MAX))) {
      const window = Math.floor(now.getTime() / windowMs);
      if (globalCapLoggedForWindow !== window) {
        globalCapLoggedForWindow = window;
        logEvent("warn", "appointments.global_rate_limited", { max: env.RATE_LIMIT_GLOBAL_MAX, windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS });
      }
      // Not "rate-limited", which tells this patient they sent too many: nothing was stored, so they should call.
      return { status: "unavailable" };
    }

    for (let attempt = 1; ; attempt += 1) {
      const stored = sealRequest(keys.encryption, parsed.data, now);
      try {
        const { reference, duplicate } = await store.insertRequestWithNotification(stored, notificationMessageId(stored), {
          fingerprint,
          duplicateSinceIso,
        });
        logEvent("info", duplicate ? "appointments.duplicate" : "appointments.received", { reference });
        const { outbox } = runtime;
        if (!duplicate && outbox) deliverSoon(() => outbox.nudge());
        return { status: "received", reference };
      } catch (error) {
        if (!(error instanceof DuplicateReferenceError) || attempt >= 5) throw error;
      }
    }
  } catch (error) {
    logEvent("error", "appointments.store_failed", { error: errorCode(error) });
    return { status: "unavailable" };
  }
}
