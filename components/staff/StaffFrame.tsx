import { signOutAction } from "@/app/staff/actions";
import { can, type Ability } from "@/lib/staff/abilities";
import { STAFF_AUDIT_PATH, STAFF_PAGES_PATH, STAFF_RELEASES_PATH, STAFF_REQUESTS_PATH, STAFF_USERS_PATH } from "@/lib/staff/paths";
import type { SignedInStaff } from "@/lib/staff/session";

type Section = "requests" | "pages" | "users" | "audit" | "releases";

/** Each section, and the abilities of which this person needs one to see it (none: everyone). */
const SECTIONS: { id: Section; href: string; label: string; needs: Ability[] }[] = [
  { id: "requests", href: STAFF_REQUESTS_PATH, label: "Requests", needs: [] },
  { id: "pages", href: STAFF_PAGES_PATH, label: "Pages", needs: ["edit", "review"] },
  { id: "users", href: STAFF_USERS_PATH, label: "Users", needs: ["admin"] },
  { id: "audit", href: STAFF_AUDIT_PATH, label: "Audit log", needs: ["admin"] },
  { id: "releases", href: STAFF_RELEASES_PATH, label: "Website versions", needs: ["admin"] },
];

/**
 * The inbox's frame: who is signed in, the sections this person may open (by their abilities), and sign-out.
 * Plain links and forms: it works before any script loads, and on a phone the menu wraps instead of hiding.
 */
export function StaffFrame({
  staff,
  current,
  children,
}: {
  staff?: Pick<SignedInStaff, "user">;
  current?: Section;
  children: React.ReactNode;
}) {
  return (
    <div data-staff-frame className="flex flex-1 flex-col">
      <header className="border-b border-brand-100 bg-brand-900 text-white">
        <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3">
          <p className="text-xl font-bold">
            Mocek Spine <span className="font-normal">staff inbox</span>
          </p>
          {staff && (
            <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
              <p className="text-base">
                Signed in as <strong>{staff.user.name}</strong>
                {staff.user.role === "admin" && " (admin)"}
              </p>
              <form action={signOutAction} className="flex flex-wrap items-center gap-x-3">
                <button type="submit" className="min-h-tap rounded-lg border-2 border-white px-3 font-bold hover:bg-white hover:text-brand-900">
                  Sign out
                </button>
                {/* A phone lost or a computer left signed in elsewhere: end every session of this account. */}
                <button type="submit" name="everywhere" value="yes" className="min-h-tap px-1 text-base underline underline-offset-4">
                  Sign out on all devices
                </button>
              </form>
            </div>
          )}
        </div>
        {staff && (
          <nav aria-label="Staff inbox" className="mx-auto max-w-5xl px-2 pb-2">
            <ul className="flex flex-wrap gap-1">
              {SECTIONS.filter(({ needs }) => needs.length === 0 || needs.some((ability) => can(staff.user, ability))).map((section) => (
                <li key={section.id}>
                  <a
                    href={section.href}
                    aria-current={section.id === current ? "page" : undefined}
                    className="inline-flex min-h-tap items-center rounded-lg px-3 font-bold text-white underline-offset-4 hover:underline aria-[current=page]:bg-white aria-[current=page]:text-brand-900"
                  >
                    {section.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main-content" tabIndex={-1} className="mx-auto w-full max-w-5xl flex-1 px-4 py-6 focus:outline-none">
        {children}
      </main>
    </div>
  );
}
