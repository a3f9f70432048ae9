import { getNavPages } from "@/lib/content/pages";
import { getClinic, type Clinic } from "@/lib/site";
import { CallButton } from "./CallButton";
import { ClinicContactDetails } from "./ClinicContactDetails";
import { EmergencyNotice } from "./EmergencyNotice";
import { SITE_CONTAINER_CLASSES } from "./layout-classes";
import { OtherWaysToReachUs } from "./OtherWaysToReachUs";

/**
 * The policy links: the footer's pages in content/, and beside the website's own privacy page the clinic's Notice of
 * Privacy Practices (HIPAA) once content/clinic.yaml names it. The two stay separate: one is about this website,
 * the other about the clinic's health records.
 */
function policyLinks(clinic: Pick<Clinic, "notices">): { href: string; label: string }[] {
  const links = getNavPages("footer").map((page) => ({ href: page.href, label: page.navLabel }));
  const notice = clinic.notices?.privacyPractices;
  if (notice === undefined) return links;
  const noticeLink = { href: notice, label: notice.endsWith(".pdf") ? "Notice of Privacy Practices (PDF)" : "Notice of Privacy Practices" };
  const privacyPage = links.findIndex((link) => link.href === "/privacy");
  return links.toSpliced(privacyPage + 1, 0, noticeLink);
}

/**
 * The footer on every page: how to call (relay and writing too), the emergency notice (unless the page shows its
 * own), the disclaimer and the policies and notices, on the same grid as the header and the page
 * (components/layout-classes.ts).
 */
export function SiteFooter({ clinic = getClinic() }: { clinic?: Clinic }) {
  return (
    <footer className="mt-16 border-t border-brand-100 bg-brand-50">
      <div className={`${SITE_CONTAINER_CLASSES} grid gap-8 py-10 md:grid-cols-2`}>
        <div className="space-y-4">
          <p className="text-xl font-bold text-brand-900">{clinic.name}</p>
          <p>Questions, or ready to ask for an appointment? Call us.</p>
          {/* On phones the sticky bar just below is the call button; a second one here would only repeat it. */}
          <CallButton size="compact" phone={clinic.phone} className="max-md:hidden" />
          <OtherWaysToReachUs clinic={clinic} />
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
            {policyLinks(clinic).map((link) => (
              <li key={link.href}>
                <a href={link.href} className="inline-flex min-h-tap items-center font-semibold text-brand-800 underline underline-offset-4">
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
