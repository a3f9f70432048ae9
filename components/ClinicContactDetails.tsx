import type { ReactNode } from "react";
import { openingHoursInWords } from "@/lib/clinic-hours";
import { getClinic, type Clinic } from "@/lib/site";

/** A link that opens directions to the clinic in the reader's maps app or browser. */
export function directionsUrl(clinic: Pick<Clinic, "name" | "address">): string | undefined {
  const { address } = clinic;
  if (!address) return undefined;
  const destination = `${clinic.name}, ${address.street}, ${address.city}, ${address.region} ${address.postalCode}`;
  return `https://www.google.com/maps/dir/?api=1&destination=${encodeURIComponent(destination)}`;
}

/**
 * The clinic's address, a directions link and its opening hours, from content/clinic.yaml: on /contact (with a
 * heading) and in the footer. Shows only what staff have filled in, and nothing at all when neither is set.
 */
export function ClinicContactDetails({
  clinic = getClinic(),
  heading,
}: {
  clinic?: Pick<Clinic, "name" | "address" | "hours">;
  /** A heading above the details, shown only when there are details. */
  heading?: ReactNode;
}) {
  const hours = openingHoursInWords(clinic.hours ?? []);
  const directions = directionsUrl(clinic);
  if (!clinic.address && hours.length === 0) return null;
  return (
    <div className="space-y-3">
      {heading}
      {clinic.address && (
        <>
          <address className="not-italic">
            {clinic.address.street}
            <br />
            {clinic.address.city}, {clinic.address.region} {clinic.address.postalCode}
          </address>
          <p>
            <a href={directions} className="inline-flex min-h-tap items-center font-semibold text-brand-800 underline underline-offset-4">
              Get directions (opens a map)
            </a>
          </p>
        </>
      )}
      {hours.length > 0 && (
        <div>
          <p className="font-semibold">Opening hours</p>
          <ul className="list-none p-0">
            {hours.map((line) => (
              <li key={line} className="m-0 p-0">
                {line}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
