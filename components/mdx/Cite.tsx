import type { StaffComponentFields } from "@/lib/content/components";
import { getReferences, unknownReferenceProblem } from "@/lib/content/references";
import { referenceAnchor } from "./References";

/**
 * `<Cite id="staats-2018" />`: a small numbered link, right after the words it supports, to the study in the
 * page's `<References />` list. The number is the study's place in content/references.yaml.
 */
export function Cite({ id }: StaffComponentFields<"Cite">) {
  const references = getReferences();
  const problem = unknownReferenceProblem(id, references);
  if (problem) throw new Error(problem);
  const number = references.findIndex((reference) => reference.id === id) + 1;
  return (
    <sup>
      {/* A word joiner keeps the number on the same line as the word before it. */}
      {"\u2060"}
      <a href={`#${referenceAnchor(id)}`} aria-label={`Source ${number}`} className="px-0.5">
        [{number}]
      </a>
    </sup>
  );
}
