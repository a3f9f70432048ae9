import type { Metadata } from "next";

/**
 * The staff inbox. Never indexed (also kept out of the sitemap and disallowed in robots.txt); every response is
 * `no-store` (next.config.ts). Each page checks who is signed in itself (lib/staff/session.ts): a layout is not
 * re-run on every navigation, so it cannot be the guard.
 */
// Answered on each request, never prerendered: a build must not open the database (nor fail where it cannot).
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Staff inbox", template: "%s · Staff inbox · Mocek Spine" },
  robots: { index: false, follow: false, nocache: true },
};

export default function StaffLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return children;
}
