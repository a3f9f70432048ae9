import { ClinicContactDetails } from "../ClinicContactDetails";
import { ClinicPhysicians } from "../ClinicPhysicians";
import { MedicareStudyAnswer } from "../MedicareStudyAnswer";

/** `<ClinicContactDetails />` in a page: "Where to find us", or nothing until content/clinic.yaml has an address or hours. */
export function ClinicContactDetailsSection() {
  return <ClinicContactDetails heading={<h2>Where to find us</h2>} />;
}

/** `<ClinicPhysicians />` in a page: "Our doctors", or nothing until content/clinic.yaml lists physicians. */
export function ClinicPhysiciansSection() {
  return <ClinicPhysicians heading={<h2>Our doctors</h2>} />;
}

/** `<MedicareStudyAnswer />` in a page: whether Medicare may pay here, as content/clinic.yaml says (or "ask us"). */
export function MedicareStudyAnswerSection() {
  return <MedicareStudyAnswer />;
}
