/**
 * One appointment request from the form to the store: honeypot, validation, rate limit, then the request and
 * its notification committed together. "Received" is returned only after that commit.
 */
import { errorCode, logEvent } from "@/lib/log";
import { hashIp } from "./crypto";
import { notificationMessageId, sealRequest } from "./requests";
import type { AppointmentsRuntime } from "./runtime";
import { HONEYPOT_FIELD, type FieldErrors } from "./fields";
import { appointmentRequestSchema, fieldErrorsOf } from "./schema";
import { DuplicateReferenceError } from "./store";

export type SubmitResult =
  | { status: "received"; reference: string }
  | { status: "invalid"; fieldErrors: FieldErrors }
  | { status: "rate-limited" }
  | { status: "unavailable" };

export async function submitAppointmentRequest(
  runtime: Pick<AppointmentsRuntime, "store" | "keys" | "env" | "outbox">,
  fields: Record<string, unknown>,
  { ip, now = new Date() }: { ip: string; now?: Date },
): Promise<SubmitResult> {
  const parsed = appointmentRequestSchema.safeParse(fields);
  if (!parsed.success) return { status: "invalid", fieldErrors: fieldErrorsOf(parsed.error) };

  try {
    const { store, keys, env } = runtime;
    const withinLimit = await store.recordRateLimitHit(
      hashIp(keys.ipHash, ip),
      now.getTime(),
      env.RATE_LIMIT_WINDOW_SECONDS * 1000,
      env.RATE_LIMIT_MAX,
    );
    if (!withinLimit) {
      logEvent("warn", "appointments.rate_limited");
      return { status: "rate-limited" };
    }

    // A filled honeypot is a bot: answer as if received, store nothing, tell nobody.
    if (typeof fields[HONEYPOT_FIELD] === "string" && fields[HONEYPOT_FIELD] !== "") {
      logEvent("info", "appointments.honeypot_dropped");
      return { status: "received", reference: sealRequest(keys.encryption, parsed.data, now).reference };
    }

    for (let attempt = 1; ; attempt += 1) {
      const stored = sealRequest(keys.encryption, parsed.data, now);
      try {
        await store.insertRequestWithNotification(stored, notificationMessageId(stored));
        logEvent("info", "appointments.received", { reference: stored.reference });
        void runtime.outbox?.nudge();
        return { status: "received", reference: stored.reference };
      } catch (error) {
        if (!(error instanceof DuplicateReferenceError) || attempt >= 5) throw error;
      }
    }
  } catch (error) {
    logEvent("error", "appointments.store_failed", { error: errorCode(error) });
    return { status: "unavailable" };
  }
}
