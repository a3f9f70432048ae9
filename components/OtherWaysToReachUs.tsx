import { getClinic, type Clinic } from "@/lib/site";
import { TEXT_LINK_CLASSES } from "./link-classes";
import { RelayCall } from "./RelayCall";

/**
 * For those who cannot phone (deaf, hard of hearing, no voice): the relay line always, since 711 reaches any
 * number, and the clinic's email and postal address to write to once content/clinic.yaml gives them. On /contact
 * and in the footer.
 */
export function OtherWaysToReachUs({ clinic = getClinic() }: { clinic?: Pick<Clinic, "name" | "phone" | "email" | "address"> }) {
  const { email, address } = clinic;
  const postal = address && `${clinic.name}, ${address.street}, ${address.city}, ${address.region} ${address.postalCode}`;
  return (
    <div className="space-y-2">
      <RelayCall phone={clinic.phone} />
      {(email || postal) && (
        <p>
          Cannot phone? Write to us:{" "}
          {email && (
            <a href={`mailto:${email}`} className={TEXT_LINK_CLASSES}>
              {email}
            </a>
          )}
          {email && postal && ", or "}
          {postal}.
        </p>
      )}
    </div>
  );
}
