import { getClinic, phoneFromDigits, type Clinic } from "@/lib/site";
import { RelayCall } from "./RelayCall";
import { TEXT_LINK_CLASSES } from "./link-classes";

/**
 * Whom to contact for free aids and services or a civil-rights grievance (ACA Section 1557, 45 CFR 92.10): the
 * clinic's coordinator from content/clinic.yaml (`notices.civilRightsContact`). Until the clinic names one, the
 * clinic's own number, which is true today; the launch check lists the missing contact.
 */
export function CivilRightsContact({ clinic = getClinic() }: { clinic?: Pick<Clinic, "phone" | "notices"> }) {
  const contact = clinic.notices?.civilRightsContact;
  if (!contact) {
    return (
      <div className="space-y-2">
        <p>
          Call us at{" "}
          <a href={clinic.phone.href} className={`${TEXT_LINK_CLASSES} whitespace-nowrap tabular-nums`}>
            {clinic.phone.display}
          </a>{" "}
          and tell our staff about your concern.
        </p>
        <RelayCall phone={clinic.phone} />
      </div>
    );
  }
  // The coordinator's own line when given (stored as its digits), else the clinic's.
  const phone = contact.phone ? phoneFromDigits(contact.phone) : clinic.phone;
  return (
    <div className="space-y-2">
      <p className="font-semibold">{contact.name}</p>
      <ul>
        <li>
          Phone:{" "}
          <a href={phone.href} className={`${TEXT_LINK_CLASSES} whitespace-nowrap tabular-nums`}>
            {phone.display}
          </a>
        </li>
        {contact.email && (
          <li>
            Email:{" "}
            <a href={`mailto:${contact.email}`} className={TEXT_LINK_CLASSES}>
              {contact.email}
            </a>
          </li>
        )}
        {contact.address && <li>Mail: {contact.address}</li>}
      </ul>
      <RelayCall phone={phone} />
    </div>
  );
}
