import type { Phone } from "@/lib/site";
import { TEXT_LINK_CLASSES } from "./link-classes";

/** The US telecommunications relay service: any phone dials it, free, and an operator relays the call in text or sign. */
const RELAY = { display: "711", href: "tel:711" } as const;

/**
 * "Deaf or hard of hearing? Call 711 (relay) and ask for 501.224.4001.": how a caller who cannot hear or speak on
 * the phone reaches `phone` through a relay operator.
 */
export function RelayCall({ phone }: { phone: Phone }) {
  return (
    <p>
      Deaf or hard of hearing?{" "}
      <a href={RELAY.href} className={TEXT_LINK_CLASSES}>
        Call {RELAY.display}
      </a>{" "}
      (relay) and ask for <span className="whitespace-nowrap tabular-nums">{phone.display}</span>.
    </p>
  );
}
