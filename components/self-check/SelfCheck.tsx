import { SELF_CHECK_ANCHOR } from "@/lib/routes";
import { getSelfCheckTexts } from "@/lib/self-check/texts";
import { getClinic } from "@/lib/site";
import { AppointmentButton } from "../AppointmentButton";
import { CallButton } from "../CallButton";
import { EmergencyNotice } from "../EmergencyNotice";
import { LazySelfCheckForm } from "./LazySelfCheckForm";
import { SelfCheckGuidance } from "./SelfCheckGuidance";

/**
 * "Could MILD help me?": staff place it in a page with `<SelfCheck />` and write its words in
 * content/self-check.yaml. The texts are validated here, on the server; the browser gets them as plain props
 * and runs only the small form in SelfCheckForm.tsx.
 */
export function SelfCheck() {
  const texts = getSelfCheckTexts();
  const clinic = getClinic();
  const emergencyNotice = <EmergencyNotice />;
  // On paper the buttons make no sense: the clinic's number is printed at the top instead. Both are plain links,
  // fetched only when followed, so the server cannot tell which result a reader saw.
  const contactActions = (
    <div className="flex flex-wrap gap-3 print:hidden">
      <CallButton phone={clinic.phone} className="w-full sm:w-auto" />
      <AppointmentButton className="w-full text-lg sm:w-auto" />
    </div>
  );
  // The anchor the home page links to ("/candidacy#self-check"), with or without JavaScript.
  return (
    <div id={SELF_CHECK_ANCHOR} className="scroll-mt-4">
      <LazySelfCheckForm
        texts={texts}
        clinicContact={`${clinic.name}, ${clinic.phone.display}`}
        emergencyNotice={emergencyNotice}
        contactActions={contactActions}
        guidance={<SelfCheckGuidance texts={texts} emergencyNotice={emergencyNotice} contactActions={contactActions} />}
      />
    </div>
  );
}
