import { describe, expect, it } from "vitest";
import { getContentPage, getContentPages, type ContentPage } from "@/lib/content/pages";
import { REQUEST_APPOINTMENT_PAGE } from "@/lib/routes";
import { breadcrumbTrail } from "@/lib/seo/breadcrumbs";
import { getFaqEntries, isQuestionPage } from "@/lib/seo/faq";
import { codePageGraph, contentPageGraph, medicalClinicJsonLd, serializeJsonLd } from "@/lib/seo/json-ld";
import { LUMBAR_SPINAL_STENOSIS, MILD_PROCEDURE } from "@/lib/seo/medical-topics";
import type { SiteIdentity } from "@/lib/seo/site-identity";
import { getClinic, parseClinicFacts } from "@/lib/site";

const SITE_URL = "https://www.example.com";
const site: SiteIdentity = { siteUrl: SITE_URL, clinic: getClinic() };
const home = getContentPage("");

type JsonNode = Record<string, unknown>;

/** A page's structured data as a search engine reads it: serialised, then parsed back. */
function graphNodesOf(page: ContentPage, identity: SiteIdentity = site): JsonNode[] {
  const faqEntries = isQuestionPage(page.slug) ? getFaqEntries(page.slug) : undefined;
  const graph = contentPageGraph({ page, breadcrumbTrail: breadcrumbTrail(page, home), faqEntries }, identity);
  const parsed = JSON.parse(serializeJsonLd(graph)) as { "@context": string; "@graph": JsonNode[] };
  expect(parsed["@context"]).toBe("https://schema.org");
  return parsed["@graph"];
}

function nodeOfType(nodes: JsonNode[], type: string): JsonNode {
  const node = nodes.find((candidate) => candidate["@type"] === type);
  if (!node) throw new Error(`no ${type} among ${nodes.map((candidate) => candidate["@type"]).join(", ")}`);
  return node;
}

const typesOf = (nodes: JsonNode[]) => nodes.map((node) => node["@type"]);

describe("structured data", () => {
  it("serialises with every < escaped, so page text cannot close the script, and parses back unchanged", () => {
    const title = "Tricky </script><script>alert(1)</script> title";
    const json = serializeJsonLd(contentPageGraph({ page: { ...home, title }, breadcrumbTrail: [] }, site));
    expect(json).not.toContain("<");
    expect(json).toContain("\\u003c/script>");
    const webPage = nodeOfType((JSON.parse(json) as { "@graph": JsonNode[] })["@graph"], "MedicalWebPage");
    expect(webPage.name).toBe(title);
  });

  it("gives every content page a MedicalWebPage with its own name, description, address and date of last change", () => {
    for (const page of getContentPages()) {
      expect(nodeOfType(graphNodesOf(page), "MedicalWebPage"), page.file).toMatchObject({
        name: page.title,
        description: page.description,
        url: `${SITE_URL}${page.href}`,
        dateModified: page.updated,
        isPartOf: { "@id": `${SITE_URL}/#website` },
      });
    }
  });

  it("describes the clinic and the website on the home page, and only there", () => {
    const nodes = graphNodesOf(home);
    expect(typesOf(nodes)).toEqual(["MedicalWebPage", "MedicalClinic", "WebSite"]);
    expect(nodeOfType(nodes, "MedicalClinic")).toEqual({
      "@type": "MedicalClinic",
      "@id": `${SITE_URL}/#clinic`,
      name: "Mocek Spine",
      url: `${SITE_URL}/`,
      telephone: "+1-501-224-4001",
      medicalSpecialty: "Musculoskeletal",
      availableService: {
        "@type": "MedicalProcedure",
        "@id": `${SITE_URL}/mild-procedure#MedicalProcedure`,
        name: "MILD",
        url: `${SITE_URL}/mild-procedure`,
      },
    });
    expect(nodeOfType(nodes, "WebSite")).toMatchObject({ url: `${SITE_URL}/`, publisher: { "@id": `${SITE_URL}/#clinic` } });
    for (const page of getContentPages().filter((candidate) => candidate.href !== "/")) {
      expect(typesOf(graphNodesOf(page)), page.file).not.toContain("MedicalClinic");
    }
  });

  it("adds the clinic's address, hours and physicians once clinic.yaml has them, and leaves them out before", () => {
    const unpublished = medicalClinicJsonLd(site);
    for (const field of ["address", "openingHoursSpecification", "employee"]) expect(unpublished).not.toHaveProperty(field);
    const published = parseClinicFacts(
      [
        "name: Mocek Spine",
        "phone: 501.224.4001",
        "address: { street: 1 Test Street, city: Little Rock, region: AR, postalCode: '72201' }",
        "hours:",
        "  - { days: [Monday, Tuesday], opens: '08:00', closes: '17:00' }",
        "physicians:",
        "  - { name: Dr. Test Person, credentials: MD, role: Spine physician }",
        "  - { name: Dr. Other Person }",
      ].join("\n"),
    );
    expect(medicalClinicJsonLd({ siteUrl: SITE_URL, clinic: published })).toMatchObject({
      address: {
        "@type": "PostalAddress",
        streetAddress: "1 Test Street",
        addressLocality: "Little Rock",
        addressRegion: "AR",
        postalCode: "72201",
        addressCountry: "US",
      },
      openingHoursSpecification: [
        { "@type": "OpeningHoursSpecification", dayOfWeek: ["Monday", "Tuesday"], opens: "08:00", closes: "17:00" },
      ],
      employee: [
        { "@type": "Person", name: "Dr. Test Person", honorificSuffix: "MD", jobTitle: "Spine physician" },
        { "@type": "Person", name: "Dr. Other Person" },
      ],
    });
  });

  it("describes MILD in full on its own page", () => {
    const procedure = nodeOfType(graphNodesOf(getContentPage(MILD_PROCEDURE.pageSlug)), "MedicalProcedure");
    expect(procedure).toMatchObject({
      "@id": `${SITE_URL}/mild-procedure#MedicalProcedure`,
      name: "MILD",
      alternateName: "minimally invasive lumbar decompression",
      procedureType: "PercutaneousProcedure",
      bodyLocation: "lumbar spine",
      url: `${SITE_URL}/mild-procedure`,
    });
    expect(procedure.howPerformed).toMatch(/ligamentum flavum/);
    expect(procedure.followup).toMatch(/same day/);
  });

  it("describes lumbar spinal stenosis on its page, with MILD among the treatments by reference", () => {
    const condition = nodeOfType(graphNodesOf(getContentPage(LUMBAR_SPINAL_STENOSIS.pageSlug)), "MedicalCondition");
    expect(condition).toMatchObject({ name: "Lumbar spinal stenosis", alternateName: "LSS" });
    expect(condition.signOrSymptom).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Neurogenic claudication" })]));
    expect(condition.possibleTreatment).toEqual(
      expect.arrayContaining([
        { "@id": `${SITE_URL}/mild-procedure#MedicalProcedure` },
        { "@type": "MedicalTherapy", name: "Physical therapy" },
      ]),
    );
  });

  it("lists the FAQ page's questions as an FAQPage", () => {
    const faq = nodeOfType(graphNodesOf(getContentPage("faq")), "FAQPage");
    const questions = faq.mainEntity as JsonNode[];
    expect(questions.map((question) => question.name)).toEqual(getFaqEntries("faq").map((entry) => entry.question));
    expect(questions[0]).toMatchObject({ "@type": "Question", acceptedAnswer: { "@type": "Answer" } });
  });

  it("gives every page but home a BreadcrumbList from home to the page", () => {
    expect(typesOf(graphNodesOf(home))).not.toContain("BreadcrumbList");
    const page = getContentPage("candidacy");
    expect(nodeOfType(graphNodesOf(page), "BreadcrumbList").itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: `${SITE_URL}/` },
      { "@type": "ListItem", position: 2, name: page.title, item: `${SITE_URL}/candidacy` },
    ]);
  });

  it("gives the appointment form, a page written in code, a MedicalWebPage and a BreadcrumbList too", () => {
    const graph = codePageGraph(REQUEST_APPOINTMENT_PAGE, breadcrumbTrail(REQUEST_APPOINTMENT_PAGE, home), site);
    const nodes = (JSON.parse(serializeJsonLd(graph)) as { "@graph": JsonNode[] })["@graph"];
    expect(typesOf(nodes)).toEqual(["MedicalWebPage", "BreadcrumbList"]);
    expect(nodeOfType(nodes, "MedicalWebPage")).toMatchObject({
      url: `${SITE_URL}/request-appointment`,
      name: REQUEST_APPOINTMENT_PAGE.title,
      dateModified: REQUEST_APPOINTMENT_PAGE.updated,
    });
    expect(nodeOfType(nodes, "BreadcrumbList").itemListElement).toEqual([
      { "@type": "ListItem", position: 1, name: "Home", item: `${SITE_URL}/` },
      { "@type": "ListItem", position: 2, name: REQUEST_APPOINTMENT_PAGE.title, item: `${SITE_URL}/request-appointment` },
    ]);
  });

  it("says what each page is about from the topics and names in its title, else the website", () => {
    const aboutOf = (slug: string) =>
      (nodeOfType(graphNodesOf(getContentPage(slug)), "MedicalWebPage").about as JsonNode[]).map((subject) => subject["@type"]);
    expect(aboutOf("")).toEqual(["MedicalProcedure", "MedicalCondition"]);
    expect(aboutOf(MILD_PROCEDURE.pageSlug)).toEqual(["MedicalProcedure"]);
    expect(aboutOf(LUMBAR_SPINAL_STENOSIS.pageSlug)).toEqual(["MedicalCondition"]);
    expect(aboutOf("about")).toEqual(["MedicalClinic"]);
    expect(aboutOf("privacy")).toEqual(["WebSite"]);
  });

  it("names the physician who approved a page, only when its reviewedBy names one in clinic.yaml", () => {
    const benefits = getContentPage("benefits");
    expect(nodeOfType(graphNodesOf(benefits), "MedicalWebPage")).not.toHaveProperty("reviewedBy");
    const withPhysician: SiteIdentity = {
      siteUrl: SITE_URL,
      clinic: parseClinicFacts("name: Mocek Spine\nphone: 501.224.4001\nphysicians:\n  - name: Dr. Fixture Person\n    credentials: MD\n"),
    };
    const reviewed = nodeOfType(graphNodesOf({ ...benefits, reviewedBy: "Dr. Fixture Person", reviewed: benefits.updated }, withPhysician), "MedicalWebPage");
    expect(reviewed.reviewedBy).toEqual({ "@type": "Person", name: "Dr. Fixture Person", honorificSuffix: "MD" });
  });
});
