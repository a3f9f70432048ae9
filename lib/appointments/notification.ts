/**
 * The email that tells staff a request arrived. It carries the reference, the time and a link to the request in
 * the staff inbox (which asks the person to sign in), never the patient's details: email travels and is stored in
 * places the clinic does not control.
 */
import { staffRequestPath } from "@/lib/staff/paths";

export interface StaffNotification {
  subject: string;
  text: string;
}

export interface NotificationSettings {
  /** SITE_URL: the inbox link's origin. */
  siteUrl: string;
  /** TIME_ZONE: the clinic's time zone, for the time received. */
  timeZone: string;
}

export function buildStaffNotification(
  { reference, createdAt }: { reference: string; createdAt: string },
  { siteUrl, timeZone }: NotificationSettings,
): StaffNotification {
  // Each part by name: Intl refuses timeZoneName together with dateStyle/timeStyle (a TypeError, so no email at all).
  const received = new Date(createdAt).toLocaleString("en-US", {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  });
  return {
    subject: `New appointment request ${reference}`,
    text: [
      `A new appointment request arrived through the website.`,
      ``,
      `Reference: ${reference}`,
      `Received: ${received}`,
      ``,
      `Open it in the staff inbox (you will be asked to sign in):`,
      `  ${siteUrl}${staffRequestPath(reference)}`,
      ``,
      `The patient's details are not in this email, to keep them private.`,
    ].join("\n"),
  };
}
