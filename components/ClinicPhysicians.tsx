import type { ReactNode } from "react";
import { getClinic, type Clinic } from "@/lib/site";

/** "Dr. Jane Doe, MD": a physician's name with credentials, as the page and "Medically reviewed by" show it. */
export function physicianNameInWords(physician: NonNullable<Clinic["physicians"]>[number]): string {
  return physician.credentials ? `${physician.name}, ${physician.credentials}` : physician.name;
}

/**
 * The clinic's physicians from content/clinic.yaml, each with their role. Nothing at all, heading included,
 * until staff fill them in.
 */
export function ClinicPhysicians({
  clinic = getClinic(),
  heading,
}: {
  clinic?: Pick<Clinic, "physicians">;
  heading?: ReactNode;
}) {
  const physicians = clinic.physicians ?? [];
  if (physicians.length === 0) return null;
  return (
    <div>
      {heading}
      <ul>
        {physicians.map((physician) => (
          <li key={physician.name}>
            <strong>{physicianNameInWords(physician)}</strong>
            {physician.role && <>: {physician.role}</>}
          </li>
        ))}
      </ul>
    </div>
  );
}
