"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { clientAddressFromForwardedFor } from "@/lib/client-address";
import { getAppointmentsRuntime } from "@/lib/appointments/runtime";
import { APPOINTMENT_FIELDS, HONEYPOT_FIELD, type FieldErrors } from "@/lib/appointments/fields";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { getServerEnv } from "@/lib/env";
import { errorCode, logEvent } from "@/lib/log";

/** What the patient typed, sent back so a form shown again (with or without JavaScript) loses nothing. */
export type AppointmentFormValues = Partial<Record<(typeof APPOINTMENT_FIELDS)[number], string>>;

export type AppointmentFormState =
  | { status: "idle" }
  | { status: "received"; reference: string }
  | { status: "invalid"; fieldErrors: FieldErrors; values: AppointmentFormValues }
  | { status: "rate-limited" | "unavailable"; values: AppointmentFormValues };

/**
 * The form's action. Anyone can call a server action with any arguments, not only our form: both are checked
 * here, and nothing a caller sends can make it throw (a throw is a 500 page without the clinic's phone number).
 */
export async function requestAppointment(_previous: unknown, formData: unknown): Promise<AppointmentFormState> {
  if (!(formData instanceof FormData)) {
    logEvent("warn", "appointments.malformed_call");
    return { status: "unavailable", values: {} };
  }
  const values: AppointmentFormValues = {};
  for (const field of APPOINTMENT_FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  let result;
  try {
    const env = getServerEnv();
    const forwardedFor = (await headers()).get("x-forwarded-for");
    result = await submitAppointmentRequest(await getAppointmentsRuntime(), values, {
      clientAddress: clientAddressFromForwardedFor(forwardedFor, env.TRUSTED_PROXIES),
      honeypot: formData.getAll(HONEYPOT_FIELD),
      // After the response, and kept alive until done even where no process stays up (a serverless host).
      deliverSoon: (task) => after(task),
    });
  } catch (error) {
    // Opening the store can fail too (a full disk, a bad key): the patient must still be told to call.
    logEvent("error", "appointments.unavailable", { error: errorCode(error) });
    result = { status: "unavailable" } as const;
  }
  return result.status === "received" ? result : { ...result, values };
}
