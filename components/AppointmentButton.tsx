import { APPOINTMENT_REQUEST_HREF } from "@/lib/routes";
import { BUTTON_BASE_CLASSES } from "./button-classes";

/** A link to the online appointment request form, styled as the call button's quieter partner. */
export function AppointmentButton({ className = "" }: { className?: string }) {
  return (
    <a
      href={APPOINTMENT_REQUEST_HREF}
      className={`${BUTTON_BASE_CLASSES} min-h-tap border-2 border-brand-800 bg-white px-4 py-2 text-brand-800 no-underline hover:bg-brand-50 ${className}`}
    >
      Request an appointment
    </a>
  );
}
