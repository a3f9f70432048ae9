/**
 * Structured data (schema.org JSON-LD): tells search engines that this is a medical clinic offering the MILD
 * procedure for lumbar spinal stenosis, and what each page is. Everything is derived from the content pages,
 * the clinic's facts (content/clinic.yaml) and the topic texts in ./medical-topics, never typed again here.
 *
 * Each page carries one @graph whose nodes point at one another by @id, e.g. a page is `about` the procedure.
 */
import type {
  BreadcrumbList,
  FAQPage,
  Graph,
  MedicalClinic,
  MedicalCondition,
  MedicalConditionLeaf,
  MedicalProcedure,
  MedicalProcedureLeaf,
  MedicalWebPage,
  Person,
  Thing,
  WebSite,
} from "schema-dts";
import { pageReviewer, type ContentPage } from "@/lib/content/pages";
import type { CodePage } from "@/lib/routes";
import type { Clinic } from "@/lib/site";
import { hasBreadcrumbs, type BreadcrumbItem } from "./breadcrumbs";
import { getFaqEntries, isQuestionPage, type FaqEntry } from "./faq";
import { LSS_TREATMENTS_BESIDES_MILD, LUMBAR_SPINAL_STENOSIS, MILD_PROCEDURE, type MedicalTopic } from "./medical-topics";
import { absoluteUrl, getSiteIdentity, type SiteIdentity } from "./site-identity";

const HOME_PATH = "/";

/**
 * JSON for a `<script type="application/ld+json">`. JSON.stringify alone would let a "</script>" in some text
 * close the script early; "<" written as \u003c means the same to a JSON parser and nothing to an HTML parser.
 */
export function serializeJsonLd(data: Graph | Thing): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

type AnyTopic = MedicalTopic<MedicalProcedureLeaf> | MedicalTopic<MedicalConditionLeaf>;

/** Stable identifiers, so that nodes on different pages describe the same clinic, site and topics. */
function ids(siteUrl: string) {
  const home = absoluteUrl(siteUrl, HOME_PATH);
  const topicPage = (topic: AnyTopic) => absoluteUrl(siteUrl, `/${topic.pageSlug}`);
  return {
    clinic: `${home}#clinic`,
    website: `${home}#website`,
    topicPage,
    topic: (topic: AnyTopic) => `${topicPage(topic)}#${topic.facts["@type"]}`,
  };
}

/** A short mention of a topic (its type, @id, name and page), for the nodes that point at it. */
function topicSummary(topic: MedicalTopic<MedicalProcedureLeaf>, siteUrl: string): MedicalProcedureLeaf;
function topicSummary(topic: MedicalTopic<MedicalConditionLeaf>, siteUrl: string): MedicalConditionLeaf;
function topicSummary(topic: AnyTopic, siteUrl: string): MedicalProcedureLeaf | MedicalConditionLeaf {
  return {
    "@type": topic.facts["@type"],
    "@id": ids(siteUrl).topic(topic),
    name: topic.facts.name,
    url: ids(siteUrl).topicPage(topic),
  };
}

/** The clinic. Address, hours and physicians appear only once the clinic has published them in clinic.yaml. */
export function medicalClinicJsonLd({ siteUrl, clinic }: SiteIdentity): MedicalClinic {
  return {
    "@type": "MedicalClinic",
    "@id": ids(siteUrl).clinic,
    name: clinic.name,
    url: absoluteUrl(siteUrl, HOME_PATH),
    telephone: clinic.phone.international,
    // Spine care; schema.org's list has no narrower specialty for it.
    medicalSpecialty: "Musculoskeletal",
    availableService: topicSummary(MILD_PROCEDURE, siteUrl),
    ...(clinic.address && {
      address: {
        "@type": "PostalAddress",
        streetAddress: clinic.address.street,
        addressLocality: clinic.address.city,
        addressRegion: clinic.address.region,
        postalCode: clinic.address.postalCode,
        // clinic.yaml accepts only US phone numbers and ZIP codes.
        addressCountry: "US",
      },
    }),
    ...(clinic.hours && {
      openingHoursSpecification: clinic.hours.map(({ days, opens, closes }) => ({
        "@type": "OpeningHoursSpecification",
        dayOfWeek: days,
        opens,
        closes,
      })),
    }),
    ...(clinic.physicians && { employee: clinic.physicians.map(physicianJsonLd) }),
  };
}

function physicianJsonLd(physician: NonNullable<Clinic["physicians"]>[number]): Person {
  return {
    "@type": "Person",
    name: physician.name,
    ...(physician.credentials && { honorificSuffix: physician.credentials }),
    ...(physician.role && { jobTitle: physician.role }),
  };
}

export function webSiteJsonLd({ siteUrl, clinic }: SiteIdentity): WebSite {
  return {
    "@type": "WebSite",
    "@id": ids(siteUrl).website,
    name: clinic.name,
    url: absoluteUrl(siteUrl, HOME_PATH),
    inLanguage: "en-US",
    publisher: { "@id": ids(siteUrl).clinic },
  };
}

export function mildProcedureJsonLd(siteUrl: string): MedicalProcedure {
  return { ...MILD_PROCEDURE.facts, ...topicSummary(MILD_PROCEDURE, siteUrl) };
}

export function lumbarSpinalStenosisJsonLd(siteUrl: string): MedicalCondition {
  return {
    ...LUMBAR_SPINAL_STENOSIS.facts,
    ...topicSummary(LUMBAR_SPINAL_STENOSIS, siteUrl),
    possibleTreatment: [...LSS_TREATMENTS_BESIDES_MILD, { "@id": ids(siteUrl).topic(MILD_PROCEDURE) }],
  };
}

/** Whether a page title names a topic: acronyms (MILD, LSS) by their exact capitals, other names in any case. */
function titleNames(title: string, names: readonly string[]): boolean {
  return names.some((name) => {
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return new RegExp(`\\b${escaped}\\b`, name === name.toUpperCase() ? "" : "i").test(title);
  });
}

/**
 * What a page is about, read from its title, so a new page needs no list to be kept up to date: the topics
 * and the clinic it names ("Who may be a candidate for MILD?" is about MILD), or else the website itself
 * (the privacy and accessibility statements).
 */
function pageSubjects(title: string, { siteUrl, clinic }: SiteIdentity): Thing[] {
  const names = (topic: AnyTopic) => titleNames(title, [topic.facts.name, topic.facts.alternateName]);
  const subjects: Thing[] = [];
  if (names(MILD_PROCEDURE)) subjects.push(topicSummary(MILD_PROCEDURE, siteUrl));
  if (names(LUMBAR_SPINAL_STENOSIS)) subjects.push(topicSummary(LUMBAR_SPINAL_STENOSIS, siteUrl));
  if (titleNames(title, [clinic.name])) subjects.push({ "@type": "MedicalClinic", "@id": ids(siteUrl).clinic, name: clinic.name });
  return subjects.length > 0 ? subjects : [{ "@type": "WebSite", "@id": ids(siteUrl).website, name: clinic.name }];
}

/** What a page says about itself: a content file, or a page written in code (lib/routes.ts). */
type WebPageFacts = ContentPage | Pick<CodePage, "href" | "title" | "description" | "updated">;

/**
 * A physician's approval of the page, when it states one (`reviewed` with `reviewedBy`, naming a physician in
 * clinic.yaml; the build stops otherwise): when and by whom. Nothing for a page no physician approved.
 */
function reviewJsonLd(page: WebPageFacts, { clinic }: SiteIdentity): Pick<MedicalWebPage, "lastReviewed" | "reviewedBy"> {
  // Pages written in code have no review settings.
  if (!("file" in page)) return {};
  const reviewer = pageReviewer(page, clinic);
  return reviewer && "physician" in reviewer ? { lastReviewed: reviewer.reviewed, reviewedBy: physicianJsonLd(reviewer.physician) } : {};
}

export function medicalWebPageJsonLd(page: WebPageFacts, site: SiteIdentity): MedicalWebPage {
  const url = absoluteUrl(site.siteUrl, page.href);
  return {
    "@type": "MedicalWebPage",
    "@id": url,
    url,
    name: page.title,
    description: page.description,
    // `updated` is the page's last change, even a comma: that is dateModified, never a physician's review.
    ...(page.updated && { dateModified: page.updated }),
    ...reviewJsonLd(page, site),
    inLanguage: "en-US",
    isPartOf: { "@id": ids(site.siteUrl).website },
    about: pageSubjects(page.title, site),
  };
}

export function breadcrumbListJsonLd(trail: readonly BreadcrumbItem[], siteUrl: string): BreadcrumbList {
  return {
    "@type": "BreadcrumbList",
    itemListElement: trail.map((item, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: item.name,
      item: absoluteUrl(siteUrl, item.href),
    })),
  };
}

export function faqPageJsonLd(page: ContentPage, entries: readonly FaqEntry[], siteUrl: string): FAQPage {
  const url = absoluteUrl(siteUrl, page.href);
  return {
    "@type": "FAQPage",
    "@id": `${url}#faq`,
    url,
    name: page.title,
    mainEntity: entries.map((entry) => ({
      "@type": "Question",
      name: entry.question,
      acceptedAnswer: { "@type": "Answer", text: entry.answerText },
    })),
  };
}

export interface ContentPageFacts {
  page: ContentPage;
  /** The trail the page shows (see ./breadcrumbs). */
  breadcrumbTrail: readonly BreadcrumbItem[];
  /** The page's questions, when it is the FAQ page. */
  faqEntries?: readonly FaqEntry[];
}

/**
 * All the structured data of one content page: what the page is, its breadcrumbs, and the things it
 * describes in full (the clinic and site on the home page, the procedure and condition on their own pages).
 */
export function contentPageGraph({ page, breadcrumbTrail, faqEntries }: ContentPageFacts, site: SiteIdentity): Graph {
  const nodes: Thing[] = [medicalWebPageJsonLd(page, site)];
  if (page.href === HOME_PATH) nodes.push(medicalClinicJsonLd(site), webSiteJsonLd(site));
  if (page.slug === MILD_PROCEDURE.pageSlug) nodes.push(mildProcedureJsonLd(site.siteUrl));
  if (page.slug === LUMBAR_SPINAL_STENOSIS.pageSlug) nodes.push(lumbarSpinalStenosisJsonLd(site.siteUrl));
  if (faqEntries) nodes.push(faqPageJsonLd(page, faqEntries, site.siteUrl));
  if (hasBreadcrumbs(breadcrumbTrail)) nodes.push(breadcrumbListJsonLd(breadcrumbTrail, site.siteUrl));
  return { "@context": "https://schema.org", "@graph": nodes };
}

/** The structured data of a content page as the built site has it: this site's facts, and the FAQ when it is the FAQ page. */
export function getContentPageGraph(page: ContentPage, breadcrumbTrail: readonly BreadcrumbItem[]): Graph {
  const faqEntries = isQuestionPage(page.slug) ? getFaqEntries(page.slug) : undefined;
  return contentPageGraph({ page, breadcrumbTrail, faqEntries }, getSiteIdentity());
}

/** The structured data of a page written in code (the appointment form): what the page is, and its breadcrumbs. */
export function codePageGraph(page: CodePage, breadcrumbTrail: readonly BreadcrumbItem[], site: SiteIdentity): Graph {
  const nodes: Thing[] = [medicalWebPageJsonLd(page, site)];
  if (hasBreadcrumbs(breadcrumbTrail)) nodes.push(breadcrumbListJsonLd(breadcrumbTrail, site.siteUrl));
  return { "@context": "https://schema.org", "@graph": nodes };
}

/** The structured data of a page written in code, with this site's facts. */
export function getCodePageGraph(page: CodePage, breadcrumbTrail: readonly BreadcrumbItem[]): Graph {
  return codePageGraph(page, breadcrumbTrail, getSiteIdentity());
}
