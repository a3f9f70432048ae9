import { BUTTON_BASE_CLASSES } from "../button-classes";
import { PhoneIcon } from "../PhoneIcon";

/** The emergency result's one action: a large button that dials 911. */
export function EmergencyCallButton() {
  return (
    <a
      href="tel:911"
      className={`${BUTTON_BASE_CLASSES} min-h-14 w-full gap-2 bg-emergency px-6 py-3 text-xl text-white no-underline hover:bg-red-900 sm:w-auto print:hidden`}
    >
      <PhoneIcon className="size-7" />
      {/* Two words in two elements, as in CallButton: a space inside a phone link's own text may break the number. */}
      <span>
        <span>Call</span> <span>911</span>
      </span>
    </a>
  );
}
