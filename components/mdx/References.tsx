import { Fragment } from "react";
import { clinicalTrialUrl, doiUrl, getReferences, pubMedUrl, type Reference } from "@/lib/content/references";

/** The id of a reference's list item, which `<Cite>` links to. */
export function referenceAnchor(id: string): string {
  return `source-${id}`;
}

/** Where a reader can look the study up: its DOI, its PubMed entry, its ClinicalTrials.gov entry. */
function lookUpLinks(reference: Reference): { href: string; text: string }[] {
  return [
    ...(reference.doi ? [{ href: doiUrl(reference.doi), text: `doi:${reference.doi}` }] : []),
    ...(reference.pmid ? [{ href: pubMedUrl(reference.pmid), text: `PubMed (PMID ${reference.pmid})` }] : []),
    ...(reference.nct ? [{ href: clinicalTrialUrl(reference.nct), text: `ClinicalTrials.gov (${reference.nct})` }] : []),
  ];
}

/**
 * The numbered list of every study in content/references.yaml, in the file's order, so each number matches the
 * `<Cite>` links on any page. Staff put a `## Sources` heading above it.
 */
export function References() {
  return (
    // DOIs are long unbroken strings: let them wrap anywhere rather than push the page sideways on a phone.
    <ol className="wrap-anywhere">
      {getReferences().map((reference) => (
        <li key={reference.id} id={referenceAnchor(reference.id)} className="scroll-mt-4">
          {reference.citation}
          {lookUpLinks(reference).map((link) => (
            <Fragment key={link.href}>
              {" "}
              <a href={link.href}>{link.text}</a>
            </Fragment>
          ))}
        </li>
      ))}
    </ol>
  );
}
