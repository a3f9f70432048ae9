import { doiUrl, getReferences } from "@/lib/content/references";

/** The id of a reference's list item, which `<Cite>` links to. */
export function referenceAnchor(id: string): string {
  return `source-${id}`;
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
          {reference.doi && (
            <>
              {" "}
              <a href={doiUrl(reference.doi)}>doi:{reference.doi}</a>
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
