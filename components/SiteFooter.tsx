import { getNavPages } from "@/lib/content/pages";
import { getClinic } from "@/lib/site";
import { CallButton } from "./CallButton";
import { ClinicContactDetails } from "./ClinicContactDetails";
import { EmergencyNotice } from "./EmergencyNotice";
import { SITE_CONTAINER_CLASSES } from "./layout-classes";

/**
 * The footer on every page: how to call, the emergency notice (unless the page shows its own), the disclaimer
 * and the policy pages, on the same grid as the header and the page (components/layout-classes.ts).
 */
export function SiteFooter() {
  const clinic = getClinic();
  const footerPages = getNavPages("footer");
  return (
    <footer className="mt-16 border-t border-brand-100 bg-brand-50">
      <div className={`${SITE_CONTAINER_CLASSES} grid gap-8 py-10 md:grid-cols-2`}>
        <div className="space-y-4">
          <p className="text-xl font-bold text-brand-900">{clinic.name}</p>
          <p>Questions, or ready to ask for an appointment? Call us.</p>
          {/* On phones the sticky bar just below is the call button; a second one here would only repeat it. */}
          <CallButton size="compact" phone={clinic.phone} className="max-md:hidden" />
          <ClinicContactDetails clinic={clinic} />
        </div>
        <div className="space-y-4">
          <EmergencyNotice className="site-footer-emergency" />
          <p className="text-ink-muted">
            This website is for education only. It is not medical advice and does not replace a visit with a doctor.
            Reading it or contacting us through it does not make you our patient.
          </p>
        </div>
      </div>
      <div className="border-t border-brand-100">
        <nav aria-label="Policies" className={`${SITE_CONTAINER_CLASSES} py-4`}>
          <ul className="flex flex-wrap gap-x-6">
            {footerPages.map((page) => (
              <li key={page.href}>
                <a href={page.href} className="inline-flex min-h-tap items-center font-semibold text-brand-800 underline underline-offset-4">
                  {page.navLabel}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
