/**
 * The physicians a clinical reviewer may sign for: those named in content/clinic.yaml. Apart from ./accounts.ts,
 * which the admins' client forms import from: reading the file is the server's.
 */
import { CLINIC_FILE, getClinic } from "@/lib/site";

/** The names a reviewer may be linked to, and the file they come from (for messages that send staff there). */
export interface PhysicianChoice {
  names: readonly string[];
  file: string;
}

export function clinicPhysicians(): PhysicianChoice {
  return { names: (getClinic().physicians ?? []).map((physician) => physician.name), file: CLINIC_FILE };
}
