"use server";

import { loadClinicFactsSource, requireClinicFactsEditor, saveClinicFactsDraft } from "@/lib/publishing/adapters";
import { clinicFactsFormFromData, updateClinicYaml, type ClinicFactsErrors, type ClinicFactsForm } from "@/lib/publishing/clinic-facts";
import { STAFF_CLINIC_FACTS_PATH } from "@/lib/staff/paths";

export interface ClinicFactsState {
  saved?: boolean;
  /** Said above the form: why nothing was saved, when it is not one field's problem. */
  message?: string;
  errors?: ClinicFactsErrors;
  /** What was typed, shown again with an error. */
  values?: ClinicFactsForm;
}

/** Saves the form as a draft of content/clinic.yaml; the signed-in editor is checked here, on the server. */
export async function saveClinicFactsAction(_previous: ClinicFactsState, formData: FormData): Promise<ClinicFactsState> {
  const staff = await requireClinicFactsEditor(STAFF_CLINIC_FACTS_PATH);
  const values = clinicFactsFormFromData(formData);
  const update = updateClinicYaml(await loadClinicFactsSource(), values);
  if (!update.ok) return { errors: update.errors, values, message: "Nothing was saved: fix the fields marked below." };
  if (!update.changed) return { values, message: "Nothing changed: the clinic's facts are as they were." };
  const draft = await saveClinicFactsDraft(update.text, staff);
  return draft.saved ? { saved: true, values, message: "Saved as a draft. It goes live once it is published." } : { values, message: draft.reason };
}
