import type { Metadata, Viewport } from "next";
import { getServerEnv } from "@/lib/env";
import { generatorTag } from "@/lib/release";
import { readerFont } from "@/lib/fonts";
import { fullPageTitle } from "@/lib/seo/metadata";
import { getClinic } from "@/lib/site";
import { siteIconDataUrl } from "@/lib/site-icon";
import "./globals.css";

const clinic = getClinic();
// Without the trailing slash, so "/candidacy" appends to it.
const siteUrl = getServerEnv().SITE_URL.replace(/\/$/, "");

export const metadata: Metadata = {
  // Share images and any relative address in metadata become absolute on the public origin, not localhost.
  metadataBase: new URL(getServerEnv().SITE_URL),
  title: { default: clinic.name, template: fullPageTitle("%s") },
  applicationName: clinic.name,
  // Which commit this page was built from, and when that commit was made: what the web editor calls "live".
  generator: generatorTag(),
  // The phone number is already a link; iOS need not add another.
  formatDetection: { telephone: false },
  // In the page itself, not a request of its own (lib/site-icon.ts).
  icons: { icon: [{ url: siteIconDataUrl, type: "image/svg+xml", sizes: "any" }] },
};

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#094660",
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    // --site-url lets a printed page show each link's full address (app/globals.css, @media print).
    <html lang="en-US" className={readerFont.variable} style={{ "--site-url": JSON.stringify(siteUrl) } as React.CSSProperties}>
      <body className="flex min-h-screen flex-col pb-[var(--sticky-bar-height)] md:pb-0">
        <a
          href="#main-content"
          data-print="hide"
          className="sr-only z-50 rounded-lg bg-brand-900 px-4 py-3 font-bold text-white focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
        >
          Skip to main content
        </a>
        {/* Each page renders its frame (components/PageFrame.tsx; the inbox's components/staff/StaffFrame.tsx). */}
        {children}
      </body>
    </html>
  );
}
