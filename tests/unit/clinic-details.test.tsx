/**
 * The clinic's facts that staff set in content/clinic.yaml when the clinic publishes them: address, hours and
 * physicians. Shown where they belong once set, and nothing at all (no empty heading) while unset. The fixtures
 * here are made up for the test; the real clinic.yaml has none of these facts yet.
 */
import path from "node:path";
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ClinicContactDetails, directionsUrl } from "@/components/ClinicContactDetails";
import { ClinicPhysicians } from "@/components/ClinicPhysicians";
import { MedicalReviewer } from "@/components/MedicalReviewer";
import { checkContent } from "@/lib/content/check";
import { readContentCheckInput } from "@/lib/content/check/read-folders";
import { formatContentProblem } from "@/lib/content/errors";
import { CONTENT_DIR } from "@/lib/content/pages";
import { daysInWords, openingHoursInWords, timeInWords } from "@/lib/clinic-hours";
import { getClinic, parseClinicFacts } from "@/lib/site";

const FIXTURE_CLINIC = parseClinicFacts(`
name: Test Clinic
phone: 501.224.4001
address:
  street: 1 Fixture Road
  city: Testville
  region: AR
  postalCode: "72000"
hours:
  - days: [Monday, Tuesday, Wednesday, Thursday, Friday]
    opens: "08:00"
    closes: "17:30"
  - days: [Saturday]
    opens: "09:00"
    closes: "12:00"
physicians:
  - name: Dr. Fixture Person
    credentials: MD
    role: Spine physician
  - name: Dr. Second Fixture
`);

describe("opening hours in words", () => {
  it("writes times as patients say them", () => {
    expect(["08:00", "17:30", "12:00", "00:00", "12:15"].map(timeInWords)).toEqual(["8 a.m.", "5:30 p.m.", "noon", "midnight", "12:15 p.m."]);
  });

  it("joins days in a row with 'to', and others with commas and 'and', in the week's order", () => {
    expect(daysInWords(["Friday", "Monday", "Wednesday", "Tuesday", "Thursday"])).toBe("Monday to Friday");
    expect(daysInWords(["Saturday", "Sunday"])).toBe("Saturday and Sunday");
    expect(daysInWords(["Friday", "Monday", "Wednesday"])).toBe("Monday, Wednesday and Friday");
    expect(openingHoursInWords(FIXTURE_CLINIC.hours!)).toEqual(["Monday to Friday: 8 a.m. to 5:30 p.m.", "Saturday: 9 a.m. to noon"]);
  });
});

describe("the clinic's address and hours (/contact and the footer)", () => {
  it("show nothing while content/clinic.yaml has neither, as it does today", () => {
    expect(getClinic().address).toBeUndefined();
    expect(getClinic().hours).toBeUndefined();
    const { container } = render(<ClinicContactDetails heading={<h2>Where to find us</h2>} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("show the address, a directions link and the hours once set", () => {
    render(<ClinicContactDetails clinic={FIXTURE_CLINIC} heading={<h2>Where to find us</h2>} />);
    expect(screen.getByRole("heading", { name: "Where to find us" })).toBeInTheDocument();
    expect(screen.getByText(/1 Fixture Road/).closest("address")).toHaveTextContent("1 Fixture RoadTestville, AR 72000");
    expect(screen.getByRole("link", { name: "Get directions (opens a map)" })).toHaveAttribute(
      "href",
      "https://www.google.com/maps/dir/?api=1&destination=Test%20Clinic%2C%201%20Fixture%20Road%2C%20Testville%2C%20AR%2072000",
    );
    expect(screen.getByText("Monday to Friday: 8 a.m. to 5:30 p.m.")).toBeInTheDocument();
    expect(screen.getByText("Saturday: 9 a.m. to noon")).toBeInTheDocument();
  });

  it("show only what is set: hours without an address have no directions link", () => {
    render(<ClinicContactDetails clinic={{ ...FIXTURE_CLINIC, address: undefined }} />);
    expect(screen.getByText("Monday to Friday: 8 a.m. to 5:30 p.m.")).toBeInTheDocument();
    expect(screen.queryByRole("link")).toBeNull();
    expect(directionsUrl({ name: "Test Clinic", address: undefined })).toBeUndefined();
  });
});

describe("the clinic's physicians (/about)", () => {
  it("show nothing, heading included, while content/clinic.yaml lists none, as it does today", () => {
    expect(getClinic().physicians).toBeUndefined();
    const { container } = render(<ClinicPhysicians heading={<h2>Our doctors</h2>} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("list each physician with credentials and role once set", () => {
    render(<ClinicPhysicians clinic={FIXTURE_CLINIC} heading={<h2>Our doctors</h2>} />);
    expect(screen.getByRole("heading", { name: "Our doctors" })).toBeInTheDocument();
    expect(screen.getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "Dr. Fixture Person, MD: Spine physician",
      "Dr. Second Fixture",
    ]);
  });
});

describe("\"Medically reviewed by\"", () => {
  const page = { file: "content/benefits.mdx", reviewed: "2026-11-30" };

  it("shows the reviewer a page names, with credentials, from content/clinic.yaml", () => {
    render(<MedicalReviewer page={{ ...page, reviewedBy: "Dr. Fixture Person" }} clinic={FIXTURE_CLINIC} />);
    expect(screen.getByText("Medically reviewed by Dr. Fixture Person, MD")).toBeInTheDocument();
  });

  it("shows nothing when the page names no reviewer", () => {
    const { container } = render(<MedicalReviewer page={{ file: page.file }} clinic={FIXTURE_CLINIC} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("stops the build when the name is not among the clinic's physicians", () => {
    expect(() => render(<MedicalReviewer page={{ ...page, reviewedBy: "Dr. Fixture Persn" }} clinic={FIXTURE_CLINIC} />)).toThrow(
      'content/benefits.mdx:1: `reviewedBy` names "Dr. Fixture Persn", who is not among the physicians in content/clinic.yaml (did you mean "Dr. Fixture Person"?)',
    );
  });

  it("the content check names the page and line of a reviewer who is not in content/clinic.yaml", { timeout: 60_000 }, async () => {
    const site = readContentCheckInput(CONTENT_DIR, path.join(process.cwd(), "public"));
    const reviewedPage = {
      file: "content/reviewed-page.mdx",
      text:
        '---\ntitle: "A page a doctor reviewed"\ndescription: "A page that names a physician as its reviewer, to prove the check finds the name in clinic.yaml."\n' +
        'navLabel: "Reviewed"\nnavOrder: 98\nnavArea: footer\nupdated: 2026-01-15\nreviewedBy: "Dr. Fixture Person"\nreviewed: 2026-01-15\n---\n\n## Reviewed\n\nA short page.\n',
    };
    const problemsFor = async (clinicYaml?: string) => {
      const files = site.files.map((file) => (clinicYaml && file.file === "content/clinic.yaml" ? { ...file, text: clinicYaml } : file));
      const report = await checkContent({ files: [...files, reviewedPage], publicFiles: site.publicFiles });
      return report.problems.filter((problem) => problem.file === reviewedPage.file).map(formatContentProblem);
    };
    // Today's clinic.yaml lists no physicians, so no page may name one.
    expect(await problemsFor()).toEqual([
      'content/reviewed-page.mdx:8: `reviewedBy` names "Dr. Fixture Person", who is not among the physicians in content/clinic.yaml: add the physician there first, or leave `reviewedBy` out',
    ]);
    expect(await problemsFor("name: Mocek Spine\nphone: 501.224.4001\nphysicians:\n  - name: Dr. Fixture Person\n")).toEqual([]);
  });
});
