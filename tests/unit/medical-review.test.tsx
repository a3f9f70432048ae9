/**
 * A physician's review of a page's words is a fact of its own, apart from the date the page last changed:
 * "Last reviewed" and "Medically reviewed by" show only what an approval says (`reviewed` beside `reviewedBy` in
 * the page's settings), and a change to a medical page's words clears the review until a physician approves again.
 */
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { MedicalReviewer } from "@/components/MedicalReviewer";
import { formatContentProblem } from "@/lib/content/errors";
import { clearReviewOnChange } from "@/lib/content/medical-review";
import { getContentPages, parseContentPage, type ContentPage } from "@/lib/content/pages";
import { REQUEST_APPOINTMENT_PAGE } from "@/lib/routes";
import { codePageGraph, contentPageGraph, serializeJsonLd } from "@/lib/seo/json-ld";
import type { SiteIdentity } from "@/lib/seo/site-identity";
import { getClinic, parseClinicFacts } from "@/lib/site";

const CLINIC_WITH_PHYSICIAN = parseClinicFacts(
  "name: Mocek Spine\nphone: 501.224.4001\nphysicians:\n  - name: Dr. Fixture Person\n    credentials: MD\n",
);

/** A medical page's source, with `extra` settings after `updated`. */
function medicalPageSource(extra: string, body = "## What MILD does\n\nThe doctor removes a little of a thick ligament.\n") {
  return (
    '---\ntitle: "What is the MILD procedure?"\ndescription: "A plain-language guide to the MILD procedure for lumbar spinal stenosis: how it is done."\n' +
    `navLabel: "The procedure"\nnavOrder: 3\nupdated: 2026-12-01\n${extra}---\n\n${body}`
  );
}

function problemsOf(source: string): string[] {
  const parsed = parseContentPage("content/mild-procedure.mdx", source);
  return Array.isArray(parsed) ? parsed.map(formatContentProblem) : [];
}

function parsedPage(source: string): ContentPage {
  const parsed = parseContentPage("content/mild-procedure.mdx", source);
  if (Array.isArray(parsed)) throw new Error(parsed.map(formatContentProblem).join("\n"));
  return parsed;
}

describe("a review in the page's settings", () => {
  it("is `reviewedBy` and the date of the approval, `reviewed`, both or neither", () => {
    expect(problemsOf(medicalPageSource('reviewedBy: "Dr. Fixture Person"\n'))).toEqual([
      "content/mild-procedure.mdx:7: `reviewedBy` needs `reviewed` beside it, the date the physician approved these words: " +
        "write both, or leave both out until a physician has reviewed the page",
    ]);
    expect(problemsOf(medicalPageSource("reviewed: 2026-11-30\n"))).toEqual([
      "content/mild-procedure.mdx:7: `reviewed` needs `reviewedBy` beside it, the physician who approved these words: " +
        "write both, or leave both out until a physician has reviewed the page",
    ]);
    expect(problemsOf(medicalPageSource('reviewedBy: "Dr. Fixture Person"\nreviewed: 2026-11-30\n'))).toEqual([]);
    expect(problemsOf(medicalPageSource('reviewedBy: "Dr. Fixture Person"\nreviewed: 2026-12-01\n'))).toEqual([]);
  });

  it("cannot be dated after the page's last change", () => {
    expect(problemsOf(medicalPageSource('reviewedBy: "Dr. Fixture Person"\nreviewed: 2026-12-02\n'))).toEqual([
      "content/mild-procedure.mdx:8: `reviewed` (2026-12-02) is after `updated` (2026-12-01): a physician approves words " +
        "that exist, so `updated` is at least the day of the approval",
    ]);
  });

  it("is claimed by no page today: clinic.yaml lists no physician, so no page may say one reviewed it", () => {
    expect(getClinic().physicians ?? []).toEqual([]);
    for (const page of getContentPages()) {
      expect(page.reviewedBy, page.file).toBeUndefined();
      expect(page.reviewed, page.file).toBeUndefined();
    }
  });
});

describe("\"Last reviewed\" and \"Medically reviewed by\" on a page", () => {
  it("show nothing on a page no physician approved, however recently it changed", () => {
    const page = parsedPage(medicalPageSource(""));
    const { container } = render(<MedicalReviewer page={page} clinic={CLINIC_WITH_PHYSICIAN} />);
    expect(container).toBeEmptyDOMElement();
  });

  it("show the physician and the date of the approval, not the date of the last change", () => {
    const page = parsedPage(medicalPageSource('reviewedBy: "Dr. Fixture Person"\nreviewed: 2026-11-02\n'));
    render(<MedicalReviewer page={page} clinic={CLINIC_WITH_PHYSICIAN} />);
    expect(screen.getByText("Medically reviewed by Dr. Fixture Person, MD")).toBeInTheDocument();
    const reviewedOn = screen.getByText(/^Last reviewed:/);
    expect(reviewedOn).toHaveTextContent("Last reviewed: November 2, 2026");
    expect(reviewedOn.querySelector("time")).toHaveAttribute("dateTime", "2026-11-02");
    expect(document.body).not.toHaveTextContent("December 1, 2026");
  });
});

describe("the review in structured data", () => {
  const site: SiteIdentity = { siteUrl: "https://www.example.com", clinic: CLINIC_WITH_PHYSICIAN };
  const webPageOf = (page: ContentPage) => {
    const graph = JSON.parse(serializeJsonLd(contentPageGraph({ page, breadcrumbTrail: [] }, site))) as { "@graph": Record<string, unknown>[] };
    return graph["@graph"].find((node) => node["@type"] === "MedicalWebPage")!;
  };

  it("gives search engines the last change as dateModified, and no lastReviewed without an approval", () => {
    const node = webPageOf(parsedPage(medicalPageSource("")));
    expect(node.dateModified).toBe("2026-12-01");
    expect(node).not.toHaveProperty("lastReviewed");
    expect(node).not.toHaveProperty("reviewedBy");
    // Today's pages, none of them approved by a physician, claim no review.
    for (const page of getContentPages()) expect(webPageOf(page), page.file).not.toHaveProperty("lastReviewed");
  });

  it("gives the approval's date and physician when there is one", () => {
    const node = webPageOf(parsedPage(medicalPageSource('reviewedBy: "Dr. Fixture Person"\nreviewed: 2026-11-02\n')));
    expect(node).toMatchObject({ dateModified: "2026-12-01", lastReviewed: "2026-11-02", reviewedBy: { "@type": "Person", name: "Dr. Fixture Person" } });
  });

  it("claims no review for the appointment form, a page written in code", () => {
    const graph = JSON.parse(serializeJsonLd(codePageGraph(REQUEST_APPOINTMENT_PAGE, [], site))) as { "@graph": Record<string, unknown>[] };
    const node = graph["@graph"].find((candidate) => candidate["@type"] === "MedicalWebPage")!;
    expect(node.dateModified).toBe(REQUEST_APPOINTMENT_PAGE.updated);
    expect(node).not.toHaveProperty("lastReviewed");
  });
});

describe("clearReviewOnChange, for the editor: new words need a new approval", () => {
  const reviewed = medicalPageSource('reviewedBy: "Dr. Fixture Person"\nreviewed: 2026-11-30\n');

  it("clears both review fields of a medical page whose words changed, and changes nothing else", () => {
    const edited = reviewed.replace("a thick ligament", "a thickened ligament");
    const result = clearReviewOnChange(reviewed, edited);
    expect(result.cleared).toBe(true);
    expect(result.source).toBe(medicalPageSource("", "## What MILD does\n\nThe doctor removes a little of a thickened ligament.\n"));
    expect(parsedPage(result.source)).not.toHaveProperty("reviewedBy");
  });

  it("counts the title, description, headline and intro as words, since readers and search engines read them", () => {
    const retitled = reviewed.replace('title: "What is the MILD procedure?"', 'title: "How the MILD procedure works"');
    expect(clearReviewOnChange(reviewed, retitled).cleared).toBe(true);
    const described = reviewed.replace("how it is done.", "how it is done and why.");
    expect(clearReviewOnChange(reviewed, described).cleared).toBe(true);
  });

  it("keeps the review when only the menu, the dates or the spacing changed", () => {
    const moved = reviewed.replace("navOrder: 3", "navOrder: 4").replace('navLabel: "The procedure"', 'navLabel: "Procedure"');
    expect(clearReviewOnChange(reviewed, moved)).toEqual({ source: moved, cleared: false });
    const sameWords = reviewed.replace("a thick ligament.\n", "a thick\nligament.\n");
    expect(clearReviewOnChange(reviewed, sameWords)).toEqual({ source: sameWords, cleared: false });
    expect(clearReviewOnChange(reviewed, reviewed)).toEqual({ source: reviewed, cleared: false });
  });

  it("leaves a page that is not medical as it is: no physician's review is asked of it", () => {
    const notMedical = reviewed.replace("updated: 2026-12-01\n", "medical: false\nupdated: 2026-12-01\n");
    const edited = notMedical.replace("a thick ligament", "a ligament");
    expect(clearReviewOnChange(notMedical, edited)).toEqual({ source: edited, cleared: false });
  });

  it("clears a review copied into a new page: no physician approved its words", () => {
    const copied = clearReviewOnChange(undefined, reviewed);
    expect(copied.cleared).toBe(true);
    expect(copied.source).toBe(medicalPageSource(""));
  });

});
