/**
 * The publishing rules (lib/publishing/rules.ts) and the settings a publish writes (lib/content/medical-review.ts):
 * who may approve, when an approval still holds, when a change needs one, and what blocks a publish.
 */
import { describe, expect, it } from "vitest";
import { withPublishedSettings } from "@/lib/content/medical-review";
import { approvalRefusal, currentApproval, needsClinicalReview, publishRefusal, sourceHash, type PublishingActor } from "@/lib/publishing/rules";
import type { ReviewDecision } from "@/lib/publishing/store";

const page = (settings: string, body = "The doctor removes a little of a thick ligament.\n") =>
  `---\ntitle: "What is the MILD procedure?"\nnavLabel: "The procedure"\nupdated: 2026-12-01\n${settings}---\n\n${body}`;

const ana = { id: "ana", name: "Ana Ruiz", email: "ana@x" };
const reviewer: PublishingActor = { userId: "rita", name: "Rita Lang", email: "rita@x", abilities: ["review"], physician: "Dr. Fixture Person" };

function approval(source: string, overrides: Partial<ReviewDecision> = {}): ReviewDecision {
  return {
    draftId: "d",
    reviewer: { id: "rita", name: "Rita Lang" },
    physician: "Dr. Fixture Person",
    decision: "approved",
    note: null,
    sourceHash: sourceHash(source),
    decidedAt: "2026-12-02T10:00:00.000Z",
    ...overrides,
  };
}

describe("which changes need a physician's approval", () => {
  it("any change to a medical page, including one that makes it `medical: false`; not a page that is not medical", () => {
    const before = page("");
    expect(needsClinicalReview("content/mild-procedure.mdx", before, page("", "New words.\n"))).toBe(true);
    expect(needsClinicalReview("content/mild-procedure.mdx", before, page("medical: false\n", "New words.\n"))).toBe(true);
    expect(needsClinicalReview("content/mild-procedure.mdx", null, page(""))).toBe(true);
    expect(needsClinicalReview("content/privacy.mdx", page("medical: false\n"), page("medical: false\n", "New words.\n"))).toBe(false);
    expect(needsClinicalReview("content/mild-procedure.mdx", before, before)).toBe(false);
  });

  it("in content/clinic.yaml, a change to the physicians only", () => {
    const clinic = "name: Mocek Spine\nphone: 501.224.4001\n";
    const withPhysician = `${clinic}physicians:\n  - name: Dr. Fixture Person\n    credentials: MD\n`;
    expect(needsClinicalReview("content/clinic.yaml", clinic, clinic.replace("Mocek Spine", "Mocek Spine Clinic"))).toBe(false);
    expect(needsClinicalReview("content/clinic.yaml", clinic, withPhysician)).toBe(true);
    expect(needsClinicalReview("content/clinic.yaml", withPhysician, withPhysician.replace("MD", "DO"))).toBe(true);
  });
});

describe("who may approve", () => {
  it("a clinical reviewer linked to a physician who wrote none of the change", () => {
    expect(approvalRefusal(reviewer, { authors: [ana] })).toBeUndefined();
    expect(approvalRefusal({ ...reviewer, abilities: ["admin"] }, { authors: [ana] })).toBeUndefined();
    expect(approvalRefusal({ ...reviewer, abilities: ["edit"] }, { authors: [ana] })).toMatch(/^Only clinical reviewers/);
    expect(approvalRefusal({ ...reviewer, physician: undefined }, { authors: [ana] })).toMatch(/not linked to a physician/);
    expect(approvalRefusal(reviewer, { authors: [ana, { id: "rita", name: "Rita Lang", email: "rita@x" }] })).toBe(
      "You wrote part of this change, so another clinical reviewer must approve it.",
    );
  });

  it("an approval holds for the exact text approved, while it is the last decision and its reviewer is no author", () => {
    const source = page("", "Approved words.\n");
    expect(currentApproval({ source, authors: [ana] }, [approval(source)])).toMatchObject({ physician: "Dr. Fixture Person" });
    expect(currentApproval({ source: `${source}One more line.\n`, authors: [ana] }, [approval(source)])).toBeUndefined();
    expect(currentApproval({ source, authors: [ana] }, [approval(source), approval(source, { decision: "sent_back", note: "Wait" })])).toBeUndefined();
    expect(currentApproval({ source, authors: [ana, { id: "rita", name: "Rita Lang", email: "rita@x" }] }, [approval(source)])).toBeUndefined();
    expect(currentApproval({ source, authors: [ana] }, [approval(source, { physician: null })])).toBeUndefined();
  });
});

describe("what blocks a publish", () => {
  const editor: PublishingActor = { userId: "ana", name: "Ana Ruiz", email: "ana@x", abilities: ["edit"] };
  const draft = { state: "approved" as const };

  it("an error the check found (warnings do not), a missing approval where one is needed, and not being an editor", () => {
    expect(publishRefusal({ actor: editor, draft, check: { errors: 0 }, reviewNeeded: false, approval: undefined })).toBeUndefined();
    expect(publishRefusal({ actor: editor, draft, check: { errors: 2 }, reviewNeeded: false, approval: undefined })).toMatch(/found 2 errors/);
    expect(publishRefusal({ actor: editor, draft, check: { errors: 0 }, reviewNeeded: true, approval: undefined })).toMatch(/needs a physician's approval/);
    expect(publishRefusal({ actor: editor, draft, check: { errors: 0 }, reviewNeeded: true, approval: approval("x") })).toBeUndefined();
    expect(publishRefusal({ actor: reviewer, draft, check: { errors: 0 }, reviewNeeded: false, approval: undefined })).toMatch(/^Only staff who may edit/);
  });
});

describe("the settings a publish writes", () => {
  it("changes only the `updated` line of a page without an approval", () => {
    const before = page("navOrder: 3\n");
    const after = withPublishedSettings(before, { updated: "2026-12-03" });
    expect(after).toBe(before.replace("updated: 2026-12-01", "updated: 2026-12-03"));
  });

  it("writes the approval after `updated`, or over an earlier one, touching no other line", () => {
    const before = page("navOrder: 3\n");
    const approved = withPublishedSettings(before, { updated: "2026-12-03", approval: { reviewedBy: "Dr. Fixture Person", reviewed: "2026-12-02" } });
    expect(approved).toBe(before.replace("updated: 2026-12-01\n", 'updated: 2026-12-03\nreviewedBy: "Dr. Fixture Person"\nreviewed: 2026-12-02\n'));
    const again = withPublishedSettings(approved, { updated: "2026-12-04", approval: { reviewedBy: "Dr. Other Person", reviewed: "2026-12-04" } });
    expect(again).toBe(approved.replace("2026-12-03", "2026-12-04").replace("Dr. Fixture Person", "Dr. Other Person").replace("reviewed: 2026-12-02", "reviewed: 2026-12-04"));
  });
});
