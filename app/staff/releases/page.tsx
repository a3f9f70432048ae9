import type { Metadata } from "next";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { RollbackForm } from "@/components/staff/admin/RollbackForm";
import { StaffAlert } from "@/components/staff/fields";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { getServerEnv } from "@/lib/env";
import { short } from "@/lib/releases/layout";
import { releaseOverview } from "@/lib/releases/overview";
import { clinicTime } from "@/lib/staff/inbox";
import { STAFF_RELEASES_PATH } from "@/lib/staff/paths";
import { requireAdmin } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Website versions" };

const SECTION_HEADING_CLASSES = "text-heading-2 font-bold text-brand-900";

/**
 * Which version of the pages the website serves, the versions kept for going back, and the last update that did
 * not go live (with what to fix). Admins only; going back is recorded in the audit log.
 */
export default async function ReleasesPage() {
  const staff = await requireAdmin({ returnTo: STAFF_RELEASES_PATH, attempt: "open the website versions page" });
  const { TIME_ZONE, SITE_ROOT } = getServerEnv();
  const overview = releaseOverview(SITE_ROOT);
  const when = (iso: string | null | undefined) => (iso ? clinicTime(iso, TIME_ZONE) : "an unknown time");
  return (
    <StaffFrame staff={staff} current="releases">
      <h1 className={PAGE_HEADING_CLASSES}>Website versions</h1>
      <p className="mt-2 text-lg">
        The website now shows the pages as they were saved on {when(overview.served.committedAt)} (version{" "}
        <code>{short(overview.served.commit)}</code>).
      </p>

      {!overview.managed ? (
        <p className="mt-6 text-lg">
          This server is not run by the release supervisor (<code>npm run site -- serve</code>), so versions are switched where the site is
          built. See the deploy guide, docs/deploy.md.
        </p>
      ) : (
        <>
          {overview.lastFailure && (
            <section aria-labelledby="failure-heading" className="mt-8">
              <h2 id="failure-heading" className={SECTION_HEADING_CLASSES}>
                The last update did not go live
              </h2>
              <StaffAlert>
                Version <code>{short(overview.lastFailure.commit)}</code> stopped at the {overview.lastFailure.stage} step on {when(overview.lastFailure.at)}. The
                website kept serving the version before it. What to fix:
              </StaffAlert>
              <pre className="mt-3 overflow-x-auto rounded-lg bg-brand-50 p-3 text-base whitespace-pre-wrap">{overview.lastFailure.message}</pre>
            </section>
          )}
          <section aria-labelledby="kept-heading" className="mt-8">
            <h2 id="kept-heading" className={SECTION_HEADING_CLASSES}>
              Versions kept on this server
            </h2>
            <ul className="mt-4 space-y-4">
              {overview.releases.map((release) => {
                const live = release.commit === overview.live?.commit;
                const label = `version ${short(release.commit)}, ${release.subject}`;
                return (
                  <li key={release.commit} className="rounded-lg border-2 border-brand-100 p-4">
                    <p className="text-lg font-bold">
                      <code>{short(release.commit)}</code> {release.subject}
                    </p>
                    <p className="text-base">
                      Saved {when(release.committedAt)}
                      {live ? `; live since ${when(overview.live?.since)}` : ""}
                    </p>
                    {live ? <p className="mt-2 font-bold">This is the version patients see now.</p> : <RollbackForm commit={release.commit} label={label} />}
                  </li>
                );
              })}
            </ul>
          </section>
        </>
      )}
    </StaffFrame>
  );
}
