import type { Metadata } from "next";
import { CallButton } from "@/components/CallButton";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { SITE_CONTAINER_CLASSES, TEXT_COLUMN_CLASSES } from "@/components/layout-classes";
import { PageFrame } from "@/components/PageFrame";
import { getNavPages } from "@/lib/content/pages";

export const metadata: Metadata = {
  title: "Page not found",
  robots: { index: false },
};

export default function NotFound() {
  return (
    <PageFrame>
      <div className={`${SITE_CONTAINER_CLASSES} pt-8`}>
        <div className={TEXT_COLUMN_CLASSES}>
          <h1 className={PAGE_HEADING_CLASSES}>We could not find that page</h1>
          <p className="mt-4">The link may be old, or the address may have a typing mistake.</p>
          <p className="mt-4">If you need help, please call us. We are glad to answer your questions.</p>
          <div className="mt-6">
            <CallButton />
          </div>
          <h2 className="mt-10 text-heading-2 font-bold text-brand-900">Pages you may be looking for</h2>
          <ul className="mt-4 space-y-2">
            {getNavPages("main").map((page) => (
              <li key={page.href}>
                <a href={page.href} className="inline-flex min-h-tap items-center text-lg font-semibold text-brand-800 underline underline-offset-4">
                  {page.slug === "" ? "Home page" : page.title}
                </a>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </PageFrame>
  );
}
