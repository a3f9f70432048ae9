import { medicareStudyAnswer, type MedicareStudyTexts } from "@/lib/medicare-study";
import type { Clinic } from "@/lib/site";

/**
 * Whether Medicare may pay at this clinic: "we take part in a Medicare-approved study", "we do not", or, until
 * content/clinic.yaml says which, "ask us". One paragraph, the same words the FAQ's structured data carries.
 */
export function MedicareStudyAnswer({ clinic, texts }: { clinic?: Pick<Clinic, "medicareStudy">; texts?: MedicareStudyTexts }) {
  return <p>{medicareStudyAnswer(clinic, texts)}</p>;
}
