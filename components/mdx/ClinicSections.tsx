import { CivilRightsContact } from "../CivilRightsContact";
import { ClinicContactDetails } from "../ClinicContactDetails";
import { ClinicPhysicians } from "../ClinicPhysicians";
import { MedicareStudyAnswer } from "../MedicareStudyAnswer";
import { LanguageTaglines } from "../LanguageTaglines";
import { OtherWaysToReachUs } from "../OtherWaysToReachUs";

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

/** `<LanguageTaglines />` in a page: "In other languages", or nothing until the clinic's translators supply taglines. */
export function LanguageTaglinesSection() {
  return <LanguageTaglines heading={<h2>In other languages</h2>} />;
}

/** `<CivilRightsContact />` in a page: the clinic's civil-rights contact, or its number until content/clinic.yaml names one. */
export function CivilRightsContactSection() {
  return <CivilRightsContact />;
}

/** `<OtherWaysToReachUs />` in a page: the relay line, and where to write once content/clinic.yaml says. */
export function OtherWaysToReachUsSection() {
  return <OtherWaysToReachUs />;
}
