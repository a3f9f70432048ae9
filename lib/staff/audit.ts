/**
 * The audit log (HIPAA's audit controls, 45 CFR 164.312(b)): every staff action calls `recordAudit`, and nothing
 * else writes the log. An entry says who, when, what and from where (a keyed hash of the address, never the address);
 * a request is named by its reference, never by a patient's detail. The store has no way to change or remove an
 * entry, and the database refuses one (migrations/…/004_staff_inbox.sql).
 */
import { hashIp } from "@/lib/appointments/crypto";
import type { AppointmentStore, AuditEntry } from "@/lib/appointments/store";

export const AUDIT_ACTIONS = {
  "sign-in": "Signed in",
  "sign-in-failed": "Sign-in failed",
  "sign-in-locked": "Sign-in refused: too many failures",
  "sign-out": "Signed out",
  "sign-out-everywhere": "Signed out everywhere",
  "session-idle": "Signed out after being idle",
  "enrollment-link": "Enrollment link made",
  "enrollment-password": "Enrollment: password set",
  "enrollment-two-factor": "Enrollment: two-factor turned on",
  "enrollment-restart": "Enrollment: authenticator setup started again",
  "enrollment-link-refused": "Enrollment link refused (used, expired or unknown)",
  "request-view": "Viewed a request",
  "requests-search": "Searched requests by name",
  "request-status": "Changed a request's status",
  "requests-export": "Exported requests",
  "requests-purge": "Purged old requests",
  "audit-export": "Exported the audit log",
  "user-add": "Added a user",
  "user-disable": "Disabled a user",
  "user-enable": "Enabled a user",
  "user-reset": "Reset a user's sign-in",
  "user-abilities": "Changed what a user may do to the website's pages",
  "admin-refused": "Refused: only admins may do this",
  "ability-refused": "Refused: this account does not hold the ability",
  "release-rollback": "Rolled the website back to an earlier release",
  // The web editor (lib/publishing/): the reference is the file (content/benefits.mdx), the detail at most a commit.
  "page-draft-start": "Started a draft of a page",
  "page-review-request": "Asked for a clinical review of a page",
  "page-review-approve": "Approved a page's change (clinical review)",
  "page-review-send-back": "Sent a page's change back (clinical review)",
  "page-publish": "Published a page",
  "page-publish-failed": "Publishing a page failed",
  "page-restore": "Opened an earlier version of a page as a draft",
  "page-picture-upload": "Uploaded a picture for a page",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** Who did it: a signed-in person, the server's command line, or an attempt at an account that may not exist. */
export type AuditActor = { id: string; email: string } | { commandLine: true } | { attemptedEmail: string; id?: string };

export interface AuditEvent {
  actor: AuditActor;
  action: AuditAction;
  reference?: string;
  /** What else the entry needs (a new status, a count, whose account): never a patient's detail. */
  detail?: string;
  /** The client's address, hashed before it is stored; absent for the command line. */
  clientAddress?: string;
}

export interface AuditContext {
  store: AppointmentStore;
  /** The key that hashes addresses (DerivedKeys.ipHash): the same address gives the same hash, so entries can be matched. */
  ipHashKey: Buffer;
  now?: () => Date;
}

/** How the log names the server's command line, which has no account. */
export const COMMAND_LINE_ACTOR_NAME = "(server command line)";

function actorColumns(actor: AuditActor): Pick<AuditEntry, "actorId" | "actorEmail"> {
  if ("commandLine" in actor) return { actorId: null, actorEmail: COMMAND_LINE_ACTOR_NAME };
  if ("attemptedEmail" in actor) return { actorId: actor.id ?? null, actorEmail: actor.attemptedEmail };
  return { actorId: actor.id, actorEmail: actor.email };
}

export async function recordAudit({ store, ipHashKey, now = () => new Date() }: AuditContext, event: AuditEvent): Promise<void> {
  await store.appendAudit({
    at: now().toISOString(),
    ...actorColumns(event.actor),
    action: event.action,
    reference: event.reference ?? null,
    detail: event.detail ?? null,
    ipHash: event.clientAddress === undefined ? null : hashIp(ipHashKey, event.clientAddress).slice(0, 16),
  });
}
