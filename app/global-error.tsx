"use client";

import { BUTTON_BASE_CLASSES } from "@/components/button-classes";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { PhoneIcon } from "@/components/PhoneIcon";
import "./globals.css";

/**
 * The page for an error nothing else caught (a page that could not be drawn because the server failed, say the
 * database was out of reach), drawn in place of the root layout. Whoever reads it, a patient or staff, the way on
 * is a call. A client component by Next's rule, so it cannot read content/clinic.yaml: next.config.ts hands it the
 * clinic's name and number when the site is built. (Next's static 500 page is its own and cannot be replaced; an
 * error before React renders gets plain text from Next, which is why proxy.ts keeps such posts away from it.)
 */
export default function GlobalError() {
  const name = process.env.CLINIC_NAME;
  return (
    <html lang="en-US">
      <body>
        <title>{`Something went wrong | ${name}`}</title>
        <meta name="robots" content="noindex" />
        <main className="mx-auto max-w-3xl px-4 pt-8 pb-16">
          <h1 className={PAGE_HEADING_CLASSES}>Something went wrong on our website</h1>
          <p className="mt-4">We are sorry: this page could not be shown, and anything you just sent may not have reached us.</p>
          <p className="mt-4">Please try again in a few minutes. To reach us now, call us: we are glad to help.</p>
          <div className="mt-6">
            <a
              href={process.env.CLINIC_PHONE_HREF}
              className={`${BUTTON_BASE_CLASSES} min-h-14 gap-2 bg-brand-800 px-6 py-3 text-xl text-white no-underline shadow-sm hover:bg-brand-900`}
            >
              <PhoneIcon className="size-7" />
              <span>Call {process.env.CLINIC_PHONE_DISPLAY}</span>
            </a>
          </div>
          <p className="mt-8">
            <a href="/" className="inline-flex min-h-tap items-center text-lg font-semibold text-brand-800 underline underline-offset-4">
              {name} home page
            </a>
          </p>
        </main>
      </body>
    </html>
  );
}
