/**
 * The confirmation after a request says when staff will call and from which number once content/clinic.yaml
 * gives `callBack`, and promises no time while it does not (as today). The clinics here are made-up fixtures.
 */
import { render, screen } from "@testing-library/react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { AppointmentConfirmation } from "@/components/appointment/AppointmentConfirmation";
import { getClinic, parseClinicFacts } from "@/lib/site";

const clinicCallingBackWithin = (days: number) =>
  parseClinicFacts(`name: Test Clinic\nphone: 501.224.4001\ncallBack:\n  withinBusinessDays: ${days}\n  from: 501.224.4002\n`);

function renderConfirmation(callBack = getClinic().callBack) {
  return render(<AppointmentConfirmation reference="MS-7K3Q9" phoneDisplay="501.224.4001" phoneHref="tel:+15012244001" callBack={callBack} />);
}

describe("the confirmation after a request", () => {
  it("says staff call within 1 business day, and from which number, as a link that dials it", () => {
    renderConfirmation(clinicCallingBackWithin(1).callBack);
    expect(screen.getByText(/We will call you within/)).toHaveTextContent(/^We will call you within 1 business day, from 501\.224\.4002\./);
    expect(screen.getByRole("link", { name: "501.224.4002" })).toHaveAttribute("href", "tel:+15012244002");
  });

  it("writes business days for more than one", () => {
    renderConfirmation(clinicCallingBackWithin(3).callBack);
    expect(screen.getByText(/We will call you within/)).toHaveTextContent(/^We will call you within 3 business days, from 501\.224\.4002\./);
  });

  it("promises no time while content/clinic.yaml does not say, as today", () => {
    expect(getClinic().callBack).toBeUndefined();
    const { container } = renderConfirmation();
    expect(screen.getByText(/Our staff will call you/)).toHaveTextContent("Our staff will call you to talk about your request and find a time for your visit.");
    expect(container.textContent).not.toMatch(/within|business day/);
  });
});

describe("the confirmation without JavaScript", () => {
  it("is the server's HTML: the sentence and the link that dials are there before any script runs", () => {
    const html = renderToStaticMarkup(
      <AppointmentConfirmation reference="MS-7K3Q9" phoneDisplay="501.224.4001" phoneHref="tel:+15012244001" callBack={clinicCallingBackWithin(2).callBack} />,
    );
    expect(html).toMatch(/We will call you within 2 business days, from <a href="tel:\+15012244002"[^>]*>501\.224\.4002<\/a>\./);
  });
});
