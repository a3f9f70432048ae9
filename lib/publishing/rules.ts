/**
 * Who may do what with a draft, and when a draft may be published: pure functions, so each rule is one test and
 * the service (./service.ts) only asks them. A refusal is a sentence for the person who was refused.
 */
import { createHash } from "node:crypto";
import { parse as parseYaml } from "yaml";
import { pageIsMedical } from "@/lib/content/medical-review";
import { CLINIC_FILE } from "@/lib/site";
import type { StaffMember } from "@/lib/staff/session";
import type { DraftCheck } from "./check";
import type { Draft, ReviewDecision } from "./store";

/**
 * The signed-in staff member as `requireAbility` returns them (lib/staff/session.ts; abilities from
 * lib/staff/abilities.ts): the screens pass it on unchanged. `clientAddress` is for the audit log (hashed there).
 */
export type PublishingActor = StaffMember & { clientAddress?: string };

export const mayEdit = (actor: PublishingActor) => actor.abilities.includes("edit") || actor.abilities.includes("admin");
export const mayReview = (actor: PublishingActor) => actor.abilities.includes("review") || actor.abilities.includes("admin");

export const NOT_AN_EDITOR = "Only staff who may edit pages can do this: ask an admin for the edit ability.";
export const NEITHER_EDITOR_NOR_REVIEWER = "Only staff who may edit or review pages can read a draft: ask an admin for the edit or review ability.";
export const NOT_A_REVIEWER = "Only clinical reviewers can approve or send back a change: ask an admin for the review ability.";

/** The text a reviewer saw, as a decision records it: an approval covers this text and no other. */
export function sourceHash(source: string): string {
  return createHash("sha256").update(source, "utf8").digest("hex");
}

/** The physicians listed in content/clinic.yaml's text, as written; undefined when it cannot be read. */
function physiciansIn(clinicYaml: string | null): string | undefined {
  if (clinicYaml === null) return JSON.stringify([]);
  try {
    const facts: unknown = parseYaml(clinicYaml);
    const physicians = typeof facts === "object" && facts !== null ? (facts as { physicians?: unknown }).physicians : undefined;
    return JSON.stringify(physicians ?? []);
  } catch {
    return undefined;
  }
}

/**
 * Whether publishing this change needs a physician's approval: any change to a page that is medical before or
 * after it (so `medical: false` cannot be used to skip the review), and a change to the physicians in
 * content/clinic.yaml. Other files (the clinic's hours, a policy page) need only the check.
 */
export function needsClinicalReview(path: string, baseSource: string | null, source: string): boolean {
  if (baseSource === source) return false;
  if (path === CLINIC_FILE) {
    const before = physiciansIn(baseSource);
    const after = physiciansIn(source);
    return before === undefined || after === undefined || before !== after;
  }
  if (!path.endsWith(".mdx")) return false;
  // A page whose settings cannot be read counts as medical, as the schema's default makes it.
  return (pageIsMedical(source) ?? true) || (baseSource !== null && (pageIsMedical(baseSource) ?? true));
}

/**
 * Why `actor` may not approve `draft`, or undefined when they may: a clinical reviewer, linked to a physician,
 * who wrote none of it.
 */
export function approvalRefusal(actor: PublishingActor, draft: Pick<Draft, "authors">): string | undefined {
  if (!mayReview(actor)) return NOT_A_REVIEWER;
  if (!actor.physician) {
    return "Your account is not linked to a physician in content/clinic.yaml, whose name an approval puts on the page: ask an admin to link it.";
  }
  if (draft.authors.some((author) => author.id === actor.userId)) {
    return "You wrote part of this change, so another clinical reviewer must approve it.";
  }
  return undefined;
}

/**
 * The approval that lets the draft be published now: the last decision on it, if it approved exactly the draft's
 * current text, by a linked physician who is none of its authors (who may have joined after the approval).
 */
export function currentApproval(draft: Pick<Draft, "source" | "authors">, decisions: readonly ReviewDecision[]): ReviewDecision | undefined {
  const last = decisions.at(-1);
  if (!last || last.decision !== "approved" || !last.physician) return undefined;
  if (last.sourceHash !== sourceHash(draft.source)) return undefined;
  if (draft.authors.some((author) => author.id === last.reviewer.id)) return undefined;
  return last;
}

/** Why the draft may not be published now, or undefined when it may. */
export function publishRefusal({
  actor,
  draft,
  check,
  reviewNeeded,
  approval,
}: {
  actor: PublishingActor;
  draft: Pick<Draft, "state">;
  check: Pick<DraftCheck, "errors">;
  reviewNeeded: boolean;
  approval: ReviewDecision | undefined;
}): string | undefined {
  if (!mayEdit(actor)) return NOT_AN_EDITOR;
  if (draft.state === "published") return "This draft is already published.";
  if (check.errors > 0) {
    return `The check found ${check.errors === 1 ? "an error" : `${check.errors} errors`} in this page: fix ${check.errors === 1 ? "it" : "them"} before publishing (warnings may stay).`;
  }
  if (reviewNeeded && !approval) {
    return "This change needs a physician's approval before it is published: ask for review, and a clinical reviewer who did not write it approves it.";
  }
  return undefined;
}
