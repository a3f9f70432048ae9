/**
 * The notices a US clinic must post, one click from every page (issue 23): the footer's links, the relay line
 * for deaf and hard-of-hearing callers, the civil-rights contact on /nondiscrimination and the language
 * taglines on /language-assistance. Each shows what content/clinic.yaml gives and nothing false while it gives
 * nothing. The fixture facts and tagline texts are made up for the test ("Testish" is no language).
 */
import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CivilRightsContact } from "@/components/CivilRightsContact";
import { LanguageTaglines } from "@/components/LanguageTaglines";
import { OtherWaysToReachUs } from "@/components/OtherWaysToReachUs";
import { SiteFooter } from "@/components/SiteFooter";
import { getLanguageTaglines } from "@/lib/content/language-taglines";
import { getClinic, parseClinicFacts } from "@/lib/site";

const TODAY = getClinic();

const COMPLETE = parseClinicFacts(`
name: Test Clinic
phone: 501.224.4001
address:
  street: 1 Fixture Road
  city: Testville
  region: AR
  postalCode: "72000"
email: frontdesk@fixture-clinic.org
notices:
  privacyPractices: /documents/notice-of-privacy-practices.pdf
  civilRightsContact:
    name: Pat Fixture, Civil Rights Coordinator
    phone: 501.224.4002
    email: civilrights@fixture-clinic.org
    address: 1 Fixture Road, Testville, AR 72000
  languageTaglines: language-taglines.yaml
`);

const policyLinks = () =>
  within(screen.getByRole("navigation", { name: "Policies" }))
    .getAllByRole("link")
    .map((link) => [link.textContent, link.getAttribute("href")]);

describe("the footer's notices", () => {
  it("link the nondiscrimination and language-assistance pages, and no Notice of Privacy Practices while clinic.yaml names none", () => {
    expect(TODAY.notices?.privacyPractices).toBeUndefined();
    render(<SiteFooter />);
    expect(policyLinks()).toEqual([
      ["Privacy", "/privacy"],
      ["Accessibility", "/accessibility"],
      ["Nondiscrimination", "/nondiscrimination"],
      ["Language assistance", "/language-assistance"],
    ]);
  });

  it("link the clinic's Notice of Privacy Practices beside the website's own privacy page once named", () => {
    render(<SiteFooter clinic={COMPLETE} />);
    expect(policyLinks()).toEqual([
      ["Privacy", "/privacy"],
      ["Notice of Privacy Practices (PDF)", "/documents/notice-of-privacy-practices.pdf"],
      ["Accessibility", "/accessibility"],
      ["Nondiscrimination", "/nondiscrimination"],
      ["Language assistance", "/language-assistance"],
    ]);
  });

  it("name a notice written as a page without (PDF)", () => {
    render(<SiteFooter clinic={{ ...COMPLETE, notices: { privacyPractices: "/notice-of-privacy-practices" } }} />);
    expect(screen.getByRole("link", { name: "Notice of Privacy Practices" })).toHaveAttribute("href", "/notice-of-privacy-practices");
  });
});

describe("for those who cannot phone (the footer and /contact)", () => {
  it("say to call 711 (relay), which dials, even while clinic.yaml gives no email or address", () => {
    render(<SiteFooter />);
    const footer = screen.getByRole("contentinfo");
    expect(footer).toHaveTextContent("Deaf or hard of hearing? Call 711 (relay) and ask for 501.224.4001.");
    expect(within(footer).getByRole("link", { name: "Call 711" })).toHaveAttribute("href", "tel:711");
    expect(footer).not.toHaveTextContent("Write to us");
  });

  it("give the email and postal address to write to once set", () => {
    render(<OtherWaysToReachUs clinic={COMPLETE} />);
    expect(screen.getByRole("link", { name: "frontdesk@fixture-clinic.org" })).toHaveAttribute("href", "mailto:frontdesk@fixture-clinic.org");
    expect(screen.getByText(/Write to us/)).toHaveTextContent(
      "Cannot phone? Write to us: frontdesk@fixture-clinic.org, or Test Clinic, 1 Fixture Road, Testville, AR 72000.",
    );
  });

  it("give only what is set", () => {
    render(<OtherWaysToReachUs clinic={{ ...COMPLETE, address: undefined }} />);
    expect(screen.getByText(/Write to us/)).toHaveTextContent("Cannot phone? Write to us: frontdesk@fixture-clinic.org.");
  });
});

describe("the civil-rights contact (/nondiscrimination)", () => {
  it("says to call the clinic's number while clinic.yaml names no contact, as it does today", () => {
    expect(TODAY.notices?.civilRightsContact).toBeUndefined();
    const { container } = render(<CivilRightsContact />);
    expect(container).toHaveTextContent("Call us at 501.224.4001 and tell our staff about your concern.");
    expect(screen.getByRole("link", { name: "501.224.4001" })).toHaveAttribute("href", "tel:+15012244001");
  });

  it("names the contact with each way to reach them once set", () => {
    const { container } = render(<CivilRightsContact clinic={COMPLETE} />);
    expect(container).toHaveTextContent("Pat Fixture, Civil Rights Coordinator");
    expect(screen.getByRole("link", { name: "501.224.4002" })).toHaveAttribute("href", "tel:+15012244002");
    expect(screen.getByRole("link", { name: "civilrights@fixture-clinic.org" })).toHaveAttribute("href", "mailto:civilrights@fixture-clinic.org");
    expect(container).toHaveTextContent("1 Fixture Road, Testville, AR 72000");
    expect(container).toHaveTextContent("Deaf or hard of hearing? Call 711 (relay)");
  });
});

describe("the language taglines (/language-assistance)", () => {
  it("show nothing while clinic.yaml names no taglines file, as it does today: the site never writes one", () => {
    expect(getLanguageTaglines()).toEqual([]);
    const { container } = render(<LanguageTaglines />);
    expect(container).toBeEmptyDOMElement();
  });

  it("mark each tagline with its own language and direction", () => {
    render(
      <LanguageTaglines
        taglines={[
          { language: "Testish", text: "Tset tset, free help.", lang: "qaa", dir: "ltr" },
          { language: "Mirrorish", text: ".pleh eerf ,rorrim", lang: "qab", dir: "rtl" },
        ]}
      />,
    );
    const items = screen.getAllByRole("listitem");
    expect(within(items[0]!).getByText("Testish")).not.toHaveAttribute("lang");
    expect(within(items[1]!).getByText("Mirrorish")).not.toHaveAttribute("lang");
    const mirrored = screen.getByText(".pleh eerf ,rorrim");
    expect(mirrored).toHaveAttribute("lang", "qab");
    expect(mirrored).toHaveAttribute("dir", "rtl");
    expect(screen.getByText("Tset tset, free help.")).toHaveAttribute("lang", "qaa");
  });
});
