"use server";

import { headers } from "next/headers";
import { getAppointmentsRuntime } from "@/lib/appointments/runtime";
import { APPOINTMENT_FIELDS, HONEYPOT_FIELD, type FieldErrors } from "@/lib/appointments/fields";
import { submitAppointmentRequest } from "@/lib/appointments/submit";
import { errorCode, logEvent } from "@/lib/log";

/** What the patient typed, sent back so a form shown again (with or without JavaScript) loses nothing. */
export type AppointmentFormValues = Partial<Record<(typeof APPOINTMENT_FIELDS)[number], string>>;

export type AppointmentFormState =
  | { status: "idle" }
  | { status: "received"; reference: string }
  | { status: "invalid"; fieldErrors: FieldErrors; values: AppointmentFormValues }
  | { status: "rate-limited" | "unavailable"; values: AppointmentFormValues };

/** The client's address as the server saw it; behind a proxy, the first address it forwarded. */
async function clientIp(): Promise<string> {
  const requestHeaders = await headers();
  const forwarded = requestHeaders.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || requestHeaders.get("x-real-ip") || "unknown";
}

export async function requestAppointment(_previous: AppointmentFormState, formData: FormData): Promise<AppointmentFormState> {
  const values: AppointmentFormValues = {};
  for (const field of APPOINTMENT_FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  let result;
  try {
    result = await submitAppointmentRequest(
      getAppointmentsRuntime(),
      { ...values, [HONEYPOT_FIELD]: formData.get(HONEYPOT_FIELD) },
      { ip: await clientIp() },
    );
  } catch (error) {
    // Opening the store can fail too (a full disk, a bad key): the patient must still be told to call.
    logEvent("error", "appointments.unavailable", { error: errorCode(error) });
    result = { status: "unavailable" } as const;
  }
  return result.status === "received" ? result : { ...result, values };
}
