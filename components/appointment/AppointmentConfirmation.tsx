"use client";

import { useEffect, useRef } from "react";
import type { Clinic } from "@/lib/site";

interface AppointmentConfirmationProps {
  reference: string;
  phoneDisplay: string;
  phoneHref: string;
  /** How soon staff call back and from which number (content/clinic.yaml); without it, no time is promised. */
  callBack?: Clinic["callBack"];
}

/** Shown only after the request is safely stored. Focus moves here so screen readers announce it. */
export function AppointmentConfirmation({ reference, phoneDisplay, phoneHref, callBack }: AppointmentConfirmationProps) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="confirmation-heading" className="rounded-lg border-2 border-brand-700 bg-brand-50 p-6">
      <h2 id="confirmation-heading" ref={headingRef} tabIndex={-1} className="text-2xl font-bold text-brand-900">
        We received your request
      </h2>
      <p className="mt-3">
        Your reference code is <strong className="text-xl tracking-wider" data-testid="reference">{reference}</strong>. Please keep it, and
        give it to us if you call.
      </p>
      <h3 className="mt-5 text-xl font-bold text-brand-900">What happens next</h3>
      {callBack ? (
        <p className="mt-2">
          We will call you within {callBack.withinBusinessDays} business {callBack.withinBusinessDays === 1 ? "day" : "days"}, from{" "}
          <a href={callBack.from.href} className="font-bold whitespace-nowrap text-brand-800 underline underline-offset-4">
            {callBack.from.display}
          </a>
          . We will talk about your request and find a time for your visit.
        </p>
      ) : (
        <p className="mt-2">Our staff will call you to talk about your request and find a time for your visit.</p>
      )}
      <p className="mt-2">
        If you would like to talk sooner, call us at{" "}
        <a href={phoneHref} className="font-bold text-brand-800 underline underline-offset-4">
          {phoneDisplay}
        </a>
        .
      </p>
      <p className="mt-2">If you have an emergency, call 911.</p>
    </section>
  );
}
