"use server";

import { publishing, requireClinicFactsEditor, saveClinicFactsDraft } from "@/lib/publishing/adapters";
import { BASE_VERSION_FIELD } from "@/lib/publishing/clinic-facts-fields";
import { clinicFactsFormFromData, updateClinicYaml, type ClinicFactsErrors, type ClinicFactsForm } from "@/lib/publishing/clinic-facts";
import { CLINIC_FILE } from "@/lib/site";
import { STAFF_CLINIC_FACTS_PATH } from "@/lib/staff/paths";

export interface ClinicFactsState {
  saved?: boolean;
  /** Said above the form: why nothing was saved, when it is not one field's problem. */
  message?: string;
  errors?: ClinicFactsErrors;
  /** What was typed, shown again with an error. */
  values?: ClinicFactsForm;
  /** The draft's version after a save: the next save is made on top of it. */
  version?: number;
}

/** Saves the form as a draft of content/clinic.yaml; the signed-in editor is checked here, on the server. */
export async function saveClinicFactsAction(_previous: ClinicFactsState, formData: FormData): Promise<ClinicFactsState> {
  const staff = await requireClinicFactsEditor(STAFF_CLINIC_FACTS_PATH);
  const values = clinicFactsFormFromData(formData);
  const found = await publishing();
  if ("unavailable" in found) return { values, message: `Nothing was saved. ${found.unavailable}` };
  const posted = Number(formData.get(BASE_VERSION_FIELD) || Number.NaN);
  const baseVersion = Number.isInteger(posted) && posted > 0 ? posted : null;
  const current = await found.service.readDraft(CLINIC_FILE, staff);
  if (!current) return { values, message: `Nothing was saved: ${CLINIC_FILE} is missing from the site's repository.` };
  const update = updateClinicYaml(current.source, values);
  if (!update.ok) return { errors: update.errors, values, message: "Nothing was saved: fix the fields marked below." };
  if (!update.changed) return { values, message: "Nothing changed: the clinic's facts are as they were." };
  const draft = await saveClinicFactsDraft(found.service, { source: update.text, baseVersion }, staff);
  return draft.saved
    ? { saved: true, values, version: draft.version, message: "Saved as a draft. It goes live once it is published." }
    : { values, message: draft.reason };
}
