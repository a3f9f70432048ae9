import { Fragment } from "react";
import { getClinic, type Phone } from "@/lib/site";
import { BUTTON_BASE_CLASSES } from "./button-classes";
import { PhoneIcon } from "./PhoneIcon";

const SIZE_CLASSES = {
  // The main call to action: a wide, tall target for unsteady hands.
  large: "min-h-14 px-6 py-3 text-xl",
  // The sticky bar on phones: as wide as the screen and large-print, a little less tall to leave the page room.
  bar: "min-h-12 px-6 py-1.5 text-xl",
  // In the header and footer, beside other controls; still well above the 44 px minimum height.
  compact: "min-h-tap px-4 py-2 text-base",
} as const;

interface CallButtonProps {
  size?: keyof typeof SIZE_CLASSES;
  /** Defaults to the clinic's number from content/clinic.yaml. */
  phone?: Phone;
  className?: string;
}

/**
 * Click-to-call: a real `tel:` link, so one tap on a phone starts the call and a desktop offers its phone app.
 * The accessible name is "Call 501.224.4001" and always contains the visible text, so speech users can
 * say what they see.
 */
export function CallButton({ size = "large", phone = getClinic().phone, className = "" }: CallButtonProps) {
  return (
    <a
      href={phone.href}
      className={`${BUTTON_BASE_CLASSES} gap-2 bg-brand-800 text-white no-underline shadow-sm hover:bg-brand-900 ${SIZE_CLASSES[size]} ${className}`}
    >
      <PhoneIcon className={size === "compact" ? "size-5" : "size-7"} />
      <span>
        {/* In the tight header of a phone, "Call" is spoken but not shown; the icon and number say it. */}
        <span className={size === "compact" ? "max-sm:sr-only" : undefined}>Call</span>{" "}
        {/* Break only at the dots, and only when enlarged text leaves no room on one line. */}
        <span className="tabular-nums">
          {phone.display.split(".").map((group, index) => (
            <Fragment key={index}>
              {index > 0 && (
                <>
                  .<wbr />
                </>
              )}
              {group}
            </Fragment>
          ))}
        </span>
      </span>
    </a>
  );
}
