/**
 * What structured data says about the procedure and the condition the site is about: the one place these
 * short texts live. Each sentence agrees with the page that describes the topic and comes only from the
 * project's fact sheet (FACTS.md); change them together with those pages.
 */
import type { MedicalConditionLeaf, MedicalProcedureLeaf, MedicalSignOrSymptom, MedicalTherapy } from "schema-dts";

/** A topic's facts, without the addresses (@id, url) that depend on where the site lives. */
type TopicFacts<T> = Omit<T, "@id" | "url"> & { name: string; alternateName: string };

export interface MedicalTopic<T> {
  /** The content page that describes the topic in full; its structured data carries the whole entity. */
  pageSlug: string;
  facts: TopicFacts<T>;
}

export const MILD_PROCEDURE: MedicalTopic<MedicalProcedureLeaf> = {
  pageSlug: "mild-procedure",
  facts: {
    "@type": "MedicalProcedure",
    name: "MILD",
    alternateName: "minimally invasive lumbar decompression",
    description:
      "A short outpatient procedure for lumbar spinal stenosis that takes pressure off the nerves in the lower back. " +
      "No implant is left in the body.",
    procedureType: "PercutaneousProcedure",
    bodyLocation: "lumbar spine",
    howPerformed:
      "Under a local anesthetic and light IV sedation, without general anesthesia, the doctor makes a small incision " +
      "in the lower back, about the size of a baby aspirin. Guided by live X-ray (fluoroscopy), usually with X-ray dye " +
      "(contrast), the doctor removes a " +
      "little of the thickened ligamentum flavum, and sometimes a little bone (lamina), to widen the spinal canal. " +
      "No implant is left and the spine stays intact. It usually takes under an hour, and stitches are usually not needed.",
    followup:
      "Patients go home the same day, driven by someone who stays nearby that day, and can usually do light activity " +
      "within days; soreness for a few days is common. " +
      "A follow-up visit is usual within about 1 to 2 weeks. The doctor's own instructions come first.",
  },
};

/** The treatments the condition page names besides MILD, which structured data links to its own entity. */
export const LSS_TREATMENTS_BESIDES_MILD: MedicalTherapy[] = [
  "Physical therapy",
  "Exercise",
  "Pain medication",
  "Epidural steroid injections",
  "Spacer implants",
  "Open surgery (laminotomy or laminectomy)",
].map((name) => ({ "@type": "MedicalTherapy", name }));

const LSS_SIGNS_AND_SYMPTOMS: MedicalSignOrSymptom[] = [
  { "@type": "MedicalSymptom", name: "Pain in the lower back, buttocks or legs" },
  { "@type": "MedicalSymptom", name: "Numbness in the lower back, buttocks or legs" },
  { "@type": "MedicalSymptom", name: "Tingling in the lower back, buttocks or legs" },
  { "@type": "MedicalSymptom", name: "Weakness, heaviness or cramping in the lower back, buttocks or legs" },
  {
    "@type": "MedicalSymptom",
    name: "Neurogenic claudication",
    description: "Symptoms that come on when standing or walking and ease when sitting or leaning forward.",
  },
  {
    "@type": "MedicalSign",
    name: "Shopping cart sign",
    description: "Walking farther when leaning forward on a shopping cart, which eases the pain.",
  },
];

export const LUMBAR_SPINAL_STENOSIS: MedicalTopic<MedicalConditionLeaf> = {
  pageSlug: "lumbar-spinal-stenosis",
  facts: {
    "@type": "MedicalCondition",
    name: "Lumbar spinal stenosis",
    alternateName: "LSS",
    description:
      "A narrowing of the space for the nerves in the lower back (the spinal canal), usually with age: from a thickened " +
      "ligament (ligamentum flavum), bone spurs from arthritis, bulging or herniated discs, or a vertebra slipped " +
      "forward (spondylolisthesis); rarely an injury or a growth. MILD treats the thickened ligament only.",
    signOrSymptom: LSS_SIGNS_AND_SYMPTOMS,
  },
};
