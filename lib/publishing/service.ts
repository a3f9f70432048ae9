/**
 * The web editor's server side: what the screens under app/staff/pages/ call. Git holds every published word; the
 * database (./store.ts) holds drafts and review decisions; the content check (./check.ts, lib/content/check) judges
 * every save; the rules (./rules.ts) say who may do what. Each call takes the signed-in staff member (`actor`,
 * what `requireAbility` returns) and checks their ability itself, so a screen that forgets cannot let anyone through.
 *
 * Entry points (`getPublishingService()` on the server, `createPublishingService(deps)` in tests):
 *   listPages()                                   every page (and clinic.yaml) with its state and who touched it last
 *   openDraft(path, actor)                        the file's draft, started from the branch if none is open
 *   readDraft(path, actor)                        the draft's text (else the branch's), without starting one
 *   startNewPage(slug, actor)                     a draft of a new page, content/<slug>.mdx
 *   saveDraft({ path, source, baseVersion }, actor)        → saved (with the check) or conflict (with both texts)
 *   markEditing(path, actor)                      "I still have it open": who else is editing, if anyone
 *   requestReview({ path, version }, actor)
 *   decideReview({ path, version, decision, note }, actor) approve or send back (with a note)
 *   publishDraft({ path, version, summary }, actor)       → published, unchanged, conflict, needs-review or push-failed
 *   viewDraft(path, actor)                        the open draft, for a reviewer too, without starting one
 *   pageHistory(path)                             every published version from git
 *   fileAtVersion(path, commit)                   a file's text at one published version
 *   discardDraft({ path, version }, actor)       throws the draft away; the page stays as published
 *   restoreVersion(path, commit, actor)           a new draft holding an old version's text
 *   addPicture(path, picture, actor)              keeps an uploaded picture with the page's draft, starting one
 *   draftPicture(path, fileName, actor)           a picture uploaded with the page's draft, for the preview
 *   publishStatus(commit)                         waiting for the site / live since … / failed, and why
 * A refusal (no ability, a stale version, an error left) throws `PublishingRefusal`, whose message is for the person.
 * Paths are the file's path in the repository: `content/benefits.mdx`, `content/clinic.yaml`. Pictures uploaded with
 * a draft (lib/publishing/pictures.ts prepares them) are kept in the store with it until it is published, and
 * reach the check and the commit through `deps.draftPictures`.
 */
import { releaseOverview } from "@/lib/releases/overview";
import { short } from "@/lib/releases/layout";
import { getAppointmentsRuntime } from "@/lib/appointments/runtime";
import { formatContentProblem } from "@/lib/content/errors";
import { clearReviewOnChange, withPublishedSettings } from "@/lib/content/medical-review";
import { pageHrefOfFile, pageSettingsBlock, PAGE_FILE_EXTENSION } from "@/lib/content/pages";
import { getServerEnv } from "@/lib/env";
import {
  branchHead,
  catchUpBranch,
  commitFiles,
  fileAt,
  fileHistory,
  isAncestor,
  listFiles,
  mergeText,
  pushBranch,
  readFiles,
  type FileVersion,
  type GitPerson,
} from "@/lib/git/repository";
import { CODE_PAGES } from "@/lib/routes";
import { CLINIC_FILE } from "@/lib/site";
import { recordAudit, type AuditAction, type AuditContext } from "@/lib/staff/audit";
import { STAFF_PAGES_OWN_ROUTES, STAFF_PAGES_PATH } from "@/lib/staff/paths";
import { parse as parseYaml } from "yaml";
import { checkDraft, siteContent, type DraftCheck, type SiteContent } from "./check";
import { kyselyPublishingStore } from "./kysely-store";
import { PICTURES_FOLDER } from "./pictures";
import { approvalRefusal, currentApproval, mayEdit, mayReview, needsClinicalReview, NEITHER_EDITOR_NOR_REVIEWER, NOT_AN_EDITOR, NOT_A_REVIEWER, publishRefusal, sourceHash, type PublishingActor } from "./rules";
import { DRAFT_STATES, type Draft, type DraftPictureRecord, type DraftState, type PublishingStore, type ReviewDecision } from "./store";

export type { PublishingActor } from "./rules";

/** A request the person may not make now; the message says why and what to do. */
export class PublishingRefusal extends Error {
  override name = "PublishingRefusal";
}

/** Someone's editor that said "still open" within this time counts as editing the page now. */
export const EDITING_NOW_MS = 2 * 60 * 1000;

/**
 * A publish that began this long ago and never finished (its server stopped half-way) no longer holds the draft:
 * another may take over. Longer than any publish takes, pushes and their retries included.
 */
export const PUBLISH_CLAIM_MS = 10 * 60 * 1000;

/** The committer of every publish: the site; the author is the staff member. */
export const SITE_COMMITTER_NAME = "Mocek Spine website";

export interface PublishingDeps {
  store: PublishingStore;
  audit: AuditContext;
  /** CONTENT_GIT_REPOSITORY, CONTENT_GIT_BRANCH and CONTENT_GIT_REMOTE (no push when undefined). */
  repository: string;
  branch: string;
  remote?: string;
  committer: GitPerson;
  /** SITE_ROOT, where the release path records releases and failures; undefined where the site is run otherwise. */
  siteRoot?: string;
  /** The commit the live site serves (its /api/health); undefined when it cannot be asked. */
  servedCommit: () => Promise<string | undefined>;
  /**
   * The pictures uploaded with a draft and not yet in git (lib/publishing/pictures.ts): the check counts them as
   * present, and the publish commits them with the page, in the same commit. The store's (addPicture) when unset.
   */
  draftPictures?: (draft: Draft) => Promise<DraftPicture[]>;
  now?: () => Date;
}

/** A picture published with a page: its path in the repository (public/images/…) and its bytes. */
export interface DraftPicture {
  path: string;
  content: Buffer;
}

const PICTURE_PATH = /^public\/images\/[a-z0-9]+(?:[-_][a-z0-9]+)*\.(?:jpg|jpeg|png|webp)$/;

/** A picture's address on the site (`/images/desk.jpg`) from its path in the repository. */
const pictureSrc = (path: string) => path.slice("public".length);

/** A page in the editor's list. */
export interface PageListing {
  path: string;
  /** The page's address on the site (`/benefits`); undefined for content/clinic.yaml. */
  href: string | undefined;
  /** The page's title as its settings say (or the file's name when they cannot be read). */
  title: string;
  state: DraftState;
  stateLabel: (typeof DRAFT_STATES)[DraftState];
  /** Who changed it last and when: the draft's last save, or the last published commit. */
  lastTouched: { name: string; at: string } | undefined;
  /** Someone editing it now. */
  editingNow: { name: string; seenAt: string } | undefined;
}

export interface DraftView {
  draft: Draft;
  check: DraftCheck;
  /** Whether publishing needs a physician's approval (a medical page, or the physicians in clinic.yaml). */
  reviewNeeded: boolean;
  /** The approval that covers the draft's text now, if any. */
  approval: ReviewDecision | undefined;
  decisions: ReviewDecision[];
  /** Someone else editing the page now ("Ana is editing this page"). */
  otherEditor: { name: string; seenAt: string } | undefined;
  /** The file changed on the branch since the draft began (a developer's commit): publishing will merge it. */
  branchChangedSinceDraft: boolean;
}

export type SaveResult =
  | { status: "saved"; version: number; source: string; reviewCleared: boolean; check: DraftCheck }
  /** Someone saved a newer version first: nothing was written; the text sent is returned so nothing is lost. */
  | { status: "conflict"; yourSource: string; current: { version: number; source: string; savedBy: string; savedAt: string }; message: string };

export type PublishResult =
  | { status: "published"; commit: string; merged: boolean }
  /** The branch already holds this text: no commit; the draft is closed. */
  | { status: "unchanged"; commit: string }
  /** The branch changed the same lines since the draft began: nothing written; both versions to choose from. */
  | { status: "conflict"; message: string; base: string | undefined; yours: string; theirs: string | undefined }
  /**
   * A developer's commit since the draft began merges cleanly into this medical page, but the merged words are not
   * the ones the physician approved: nothing written; the draft now holds the merged text (`version`) to review.
   */
  | { status: "needs-review"; message: string; version: number }
  /** Committed, but not sent to CONTENT_GIT_REMOTE: publish again to retry the push. */
  | { status: "push-failed"; commit: string; message: string };

export type PublishStatus =
  | { state: "waiting"; message: string }
  | { state: "live"; since: string | undefined; message: string }
  | { state: "failed"; stage: string; at: string; message: string };

const NEW_PAGE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SUMMARY_MAX_LENGTH = 120;
const NOTE_MAX_LENGTH = 1000;

/** The files the editor may change: pages (content/<slug>.mdx) and the clinic's facts. */
function isEditablePath(path: string): boolean {
  if (path === CLINIC_FILE) return true;
  const [folder, name, ...deeper] = path.split("/");
  return folder === "content" && deeper.length === 0 && name !== undefined && name.endsWith(PAGE_FILE_EXTENSION) && pageHrefOfFile(path) !== undefined;
}

function assertEditablePath(path: string): void {
  if (!isEditablePath(path)) throw new PublishingRefusal(`${path} is not a page or the clinic's facts, so the editor cannot change it.`);
}

function pageTitle(path: string, source: string | undefined): string {
  if (path === CLINIC_FILE) return "The clinic's facts";
  const block = source === undefined ? undefined : pageSettingsBlock(source);
  try {
    const title = block ? (parseYaml(block.yaml) as { title?: unknown } | null)?.title : undefined;
    if (typeof title === "string" && title.trim()) return title.trim();
  } catch {
    // The check reports unreadable settings; the list shows the file's name.
  }
  return path;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

export function createPublishingService(deps: PublishingDeps) {
  const { store, repository, branch } = deps;
  const now = () => (deps.now ?? (() => new Date()))();
  let cachedSite: { commit: string; site: Promise<SiteContent> } | undefined;

  /** The site's content at `commit`, read from git once per commit (every save checks against it). */
  function siteAt(commit: string): Promise<SiteContent> {
    if (cachedSite?.commit !== commit) {
      const site = (async () => {
        const [contentPaths, publicPaths] = await Promise.all([listFiles(repository, commit, "content"), listFiles(repository, commit, "public")]);
        const texts = await readFiles(repository, commit, contentPaths);
        return siteContent({
          files: contentPaths.map((file) => ({ file, text: texts.get(file)?.toString("utf8") ?? "" })),
          publicFiles: new Set(publicPaths.map((file) => file.slice("public".length))),
        });
      })();
      site.catch(() => (cachedSite = undefined));
      cachedSite = { commit, site };
    }
    return cachedSite.site;
  }

  const draftPictures =
    deps.draftPictures ?? (async (draft: Draft) => (await store.picturesOf(draft.id)).map(({ path, content }): DraftPicture => ({ path, content })));

  async function picturesOf(draft: Draft): Promise<DraftPicture[]> {
    const pictures = await draftPictures(draft);
    for (const picture of pictures) {
      if (!PICTURE_PATH.test(picture.path)) throw new Error(`${picture.path} is not a picture's path under public/images/`);
    }
    return pictures;
  }

  async function checkAtHead(draft: Draft, source = draft.source): Promise<DraftCheck> {
    const pictures = (await picturesOf(draft)).map((picture) => pictureSrc(picture.path));
    return checkDraft(await siteAt(await branchHead(repository, branch)), draft.path, source, pictures);
  }

  async function audit(actor: PublishingActor, action: AuditAction, path: string, detail?: string) {
    await recordAudit(deps.audit, { actor: { id: actor.userId, email: actor.email }, action, reference: path, detail, clientAddress: actor.clientAddress });
  }

  const staffMember = (actor: PublishingActor) => ({ id: actor.userId, name: actor.name, email: actor.email });

  function requireEditor(actor: PublishingActor) {
    if (!mayEdit(actor)) throw new PublishingRefusal(NOT_AN_EDITOR);
  }

  function otherEditorOf(draft: Draft, actor: PublishingActor) {
    const holder = draft.holder;
    if (!holder || holder.id === actor.userId) return undefined;
    return now().getTime() - Date.parse(holder.seenAt) < EDITING_NOW_MS ? { name: holder.name, seenAt: holder.seenAt } : undefined;
  }

  /** The file's open draft at the version the person worked on; refused when it moved on or is gone. */
  async function draftAt(path: string, version: number): Promise<Draft> {
    assertEditablePath(path);
    const draft = await store.openDraftOf(path);
    if (!draft) throw new PublishingRefusal(`There is no open draft of ${path}: open the page to start one.`);
    if (draft.version !== version) {
      throw new PublishingRefusal(`${draft.savedBy.name} saved a newer version of this draft at ${draft.savedAt}: reload it to see what changed, then try again.`);
    }
    return draft;
  }

  async function view(draft: Draft, actor: PublishingActor): Promise<DraftView> {
    const [check, decisions, head] = await Promise.all([checkAtHead(draft), store.decisionsOf(draft.id), branchHead(repository, branch)]);
    const atHead = await fileAt(repository, head, draft.path);
    return {
      draft,
      check,
      reviewNeeded: needsClinicalReview(draft.path, draft.baseSource, draft.source),
      approval: currentApproval(draft, decisions),
      decisions,
      otherEditor: otherEditorOf(draft, actor),
      branchChangedSinceDraft: (atHead ?? null) !== draft.baseSource,
    };
  }

  async function startFrom(path: string, source: string, actor: PublishingActor, base: { commit: string | null; source: string | null }) {
    const { draft, started } = await store.startDraft({
      path,
      source,
      baseCommit: base.commit,
      baseSource: base.source,
      by: staffMember(actor),
      at: now().toISOString(),
    });
    if (started) await audit(actor, "page-draft-start", path, base.commit ? `from ${short(base.commit)}` : "new page");
    return { draft, started };
  }

  /** The file's open draft, if any, for those who write or review pages; never starts one (a reviewer may not edit). */
  async function openDraftToRead(path: string, actor: PublishingActor): Promise<Draft | undefined> {
    if (!mayEdit(actor) && !mayReview(actor)) throw new PublishingRefusal(NEITHER_EDITOR_NOR_REVIEWER);
    assertEditablePath(path);
    return store.openDraftOf(path);
  }

  /** The file's open draft, or a new one from the branch's head. */
  async function openOrStart(path: string, actor: PublishingActor): Promise<Draft> {
    const existing = await store.openDraftOf(path);
    if (existing) return existing;
    // An unreachable remote does not stop anyone writing: the publish catches up, and merges, before it commits.
    await catchUp().catch(() => undefined);
    const head = await branchHead(repository, branch);
    const source = await fileAt(repository, head, path);
    if (source === undefined) throw new PublishingRefusal(`${path} does not exist on the site: start a new page instead.`);
    return (await startFrom(path, source, actor, { commit: head, source })).draft;
  }

  /** With a remote, the branch as developers left it there: a draft starts from it and a publish lands on it. */
  async function catchUp() {
    if (deps.remote) await catchUpBranch(repository, deps.remote, branch);
  }

  return {
    async listPages(): Promise<PageListing[]> {
      const head = await branchHead(repository, branch);
      const files = (await listFiles(repository, head, "content")).filter(isEditablePath);
      const [texts, drafts, published] = await Promise.all([readFiles(repository, head, files), store.openDrafts(), store.lastPublishedDrafts()]);
      const paths = [...new Set([...files, ...drafts.map((draft) => draft.path)])].sort();
      return Promise.all(
        paths.map(async (path): Promise<PageListing> => {
          const open = drafts.find((candidate) => candidate.path === path);
          // Opening a page in the editor starts its draft; until something in it changes, the page is listed as
          // published (with who has it open), so that looking at a page does not read as "someone is changing it".
          const draft = open && (open.state !== "draft" || open.source !== open.baseSource) ? open : undefined;
          const text = draft?.source ?? texts.get(path)?.toString("utf8");
          let lastTouched: PageListing["lastTouched"];
          if (draft) lastTouched = { name: draft.savedBy.name, at: draft.savedAt };
          else {
            const [last] = await fileHistory(repository, branch, path, { limit: 1 });
            const publishedHere = published.find((candidate) => candidate.path === path && candidate.publishedCommit === last?.commit);
            lastTouched = last ? { name: publishedHere?.savedBy.name ?? last.authorName, at: last.date } : undefined;
          }
          const state = draft?.state ?? "published";
          const holder = open?.holder;
          return {
            path,
            href: path === CLINIC_FILE ? undefined : pageHrefOfFile(path),
            title: pageTitle(path, text),
            state,
            stateLabel: DRAFT_STATES[state],
            lastTouched,
            editingNow: holder && now().getTime() - Date.parse(holder.seenAt) < EDITING_NOW_MS ? { name: holder.name, seenAt: holder.seenAt } : undefined,
          };
        }),
      );
    },

    async openDraft(path: string, actor: PublishingActor): Promise<DraftView> {
      requireEditor(actor);
      assertEditablePath(path);
      return view(await openOrStart(path, actor), actor);
    },

    /**
     * The file as the editor has it now, without starting a draft: the open draft's latest saved text (`version`),
     * else the file at the branch's head (`version` null); `check()` judges it as a save would. For those who write
     * or review pages (the preview, the clinic's facts form); undefined when there is no such file.
     */
    async readDraft(
      path: string,
      actor: PublishingActor,
    ): Promise<{ source: string; version: number | null; pictures: string[]; check: () => Promise<DraftCheck> } | undefined> {
      const draft = await openDraftToRead(path, actor);
      if (draft) {
        const pictures = (await picturesOf(draft)).map((picture) => pictureSrc(picture.path));
        return { source: draft.source, version: draft.version, pictures, check: () => checkAtHead(draft) };
      }
      const head = await branchHead(repository, branch);
      const source = await fileAt(repository, head, path);
      if (source === undefined) return undefined;
      return { source, version: null, pictures: [], check: async () => checkDraft(await siteAt(head), path, source) };
    },

    /**
     * Keeps a picture savePicture (./pictures.ts) has prepared and audited with the page's draft, starting one if
     * none is open: the check counts it as present, the preview shows it, and the publish commits it with the page.
     * Returns what the editor writes into the page (`src`) and the picture's size.
     */
    async addPicture(
      path: string,
      picture: { path: string; bytes: Buffer; width: number; height: number },
      actor: PublishingActor,
    ): Promise<{ src: string; width: number; height: number }> {
      requireEditor(actor);
      assertEditablePath(path);
      if (path === CLINIC_FILE) throw new PublishingRefusal("The clinic's facts hold no pictures: pictures belong to a page.");
      if (!PICTURE_PATH.test(picture.path)) throw new Error(`${picture.path} is not a picture's path under ${PICTURES_FOLDER}/`);
      const draft = await openOrStart(path, actor);
      const kept = await store.addPicture(draft.id, { path: picture.path, content: picture.bytes, width: picture.width, height: picture.height, by: staffMember(actor), at: now().toISOString() });
      if (!kept) throw new PublishingRefusal("The draft was published or discarded while the picture was uploading: open the page again and upload it once more.");
      return { src: pictureSrc(picture.path), width: picture.width, height: picture.height };
    },

    /** A picture uploaded with the page's open draft (`fileName`: its name in public/images/), for those who write or review pages. */
    async draftPicture(path: string, fileName: string, actor: PublishingActor): Promise<DraftPictureRecord | undefined> {
      const picturePath = `${PICTURES_FOLDER}/${fileName}`;
      const draft = await openDraftToRead(path, actor);
      if (!PICTURE_PATH.test(picturePath)) return undefined;
      return draft ? store.pictureOf(draft.id, picturePath) : undefined;
    },

    /**
     * The file's open draft as a reviewer or an editor reads it, without starting one (a reviewer may not edit);
     * undefined when nobody is changing the file.
     */
    async viewDraft(path: string, actor: PublishingActor): Promise<DraftView | undefined> {
      const draft = await openDraftToRead(path, actor);
      return draft ? view(draft, actor) : undefined;
    },

    async startNewPage(slug: string, actor: PublishingActor): Promise<DraftView> {
      requireEditor(actor);
      if (!NEW_PAGE_SLUG.test(slug)) {
        throw new PublishingRefusal("A page's address uses only lowercase letters, digits and dashes between words, e.g. `spinal-stenosis`.");
      }
      const path = `content/${slug}${PAGE_FILE_EXTENSION}`;
      if (CODE_PAGES.some((page) => page.href === `/${slug}`) || ["staff", "api", "index"].includes(slug)) {
        throw new PublishingRefusal(`/${slug} is already a part of the site: choose another address.`);
      }
      if (STAFF_PAGES_OWN_ROUTES.includes(slug)) {
        throw new PublishingRefusal(`${STAFF_PAGES_PATH}/${slug} is one of the editor's own screens, so a page cannot be named "${slug}": choose another address.`);
      }
      const head = await branchHead(repository, branch);
      if ((await fileAt(repository, head, path)) !== undefined) throw new PublishingRefusal(`/${slug} is already a page: open it to edit it.`);
      const existing = await store.openDraftOf(path);
      if (existing) throw new PublishingRefusal(`${existing.createdBy.name} has already started a page at /${slug}: open it from the list.`);
      const source = ["---", 'title: ""', 'description: ""', 'navLabel: ""', "navOrder: 99", "navArea: main", `updated: ${today(now())}`, "---", "", ""].join("\n");
      const { draft } = await startFrom(path, source, actor, { commit: null, source: null });
      return view(draft, actor);
    },

    async saveDraft({ path, source: posted, baseVersion }: { path: string; source: string; baseVersion: number }, actor: PublishingActor): Promise<SaveResult> {
      requireEditor(actor);
      // A browser's form posts every newline as CRLF; the site's files have LF, so anything else would change every line.
      const source = posted.replace(/\r\n?/g, "\n");
      assertEditablePath(path);
      const draft = await store.openDraftOf(path);
      if (!draft) throw new PublishingRefusal(`There is no open draft of ${path}: open the page to start one.`);
      // A medical page's changed words are no longer the words a physician approved: the review is cleared.
      const cleared = path.endsWith(PAGE_FILE_EXTENSION) ? clearReviewOnChange(draft.baseSource ?? undefined, source) : { source, cleared: false };
      const outcome = await store.saveSource({ draftId: draft.id, expectedVersion: baseVersion, source: cleared.source, by: staffMember(actor), at: now().toISOString() });
      if (!outcome.saved) {
        const { current } = outcome;
        return {
          status: "conflict",
          yourSource: source,
          current: { version: current.version, source: current.source, savedBy: current.savedBy.name, savedAt: current.savedAt },
          message: `${current.savedBy.name} saved a newer version of this page at ${current.savedAt}; your text was not saved and is kept here, so nothing is lost.`,
        };
      }
      return {
        status: "saved",
        version: outcome.draft.version,
        source: outcome.draft.source,
        reviewCleared: cleared.cleared,
        check: await checkAtHead(outcome.draft),
      };
    },

    async markEditing(path: string, actor: PublishingActor): Promise<{ otherEditor: DraftView["otherEditor"] }> {
      requireEditor(actor);
      assertEditablePath(path);
      const draft = await store.openDraftOf(path);
      if (!draft) return { otherEditor: undefined };
      const other = otherEditorOf(draft, actor);
      if (!other) await store.markHolder(draft.id, staffMember(actor), now().toISOString());
      return { otherEditor: other };
    },

    async requestReview({ path, version }: { path: string; version: number }, actor: PublishingActor): Promise<Draft> {
      requireEditor(actor);
      const draft = await draftAt(path, version);
      if (draft.state === "in_review" || draft.state === "approved") throw new PublishingRefusal(`This draft is already ${DRAFT_STATES[draft.state].toLowerCase()}.`);
      const check = await checkAtHead(draft);
      if (check.errors > 0) throw new PublishingRefusal("Fix the errors the check found before asking for review: the reviewer should see the words as they will be published.");
      const moved = await store.setState(draft.id, version, { state: "in_review" });
      if (!moved) throw new PublishingRefusal("The draft changed while you asked: reload it and ask again.");
      await audit(actor, "page-review-request", path);
      return moved;
    },

    async decideReview(
      { path, version, decision, note }: { path: string; version: number; decision: "approve" | "send_back"; note?: string },
      actor: PublishingActor,
    ): Promise<Draft> {
      if (!mayReview(actor)) throw new PublishingRefusal(NOT_A_REVIEWER);
      const draft = await draftAt(path, version);
      if (draft.state !== "in_review") throw new PublishingRefusal("Only a draft someone asked to be reviewed can be approved or sent back.");
      const trimmedNote = note?.trim() || null;
      if (trimmedNote && trimmedNote.length > NOTE_MAX_LENGTH) throw new PublishingRefusal(`A note may be at most ${NOTE_MAX_LENGTH} characters (it has ${trimmedNote.length}).`);
      if (decision === "approve") {
        const refusal = approvalRefusal(actor, draft);
        if (refusal) throw new PublishingRefusal(refusal);
      } else if (!trimmedNote) {
        throw new PublishingRefusal("Say what to change: a draft is sent back with a note for its author.");
      }
      const state = decision === "approve" ? "approved" : "sent_back";
      const moved = await store.setState(draft.id, version, { state, note: decision === "send_back" ? trimmedNote : null });
      if (!moved) throw new PublishingRefusal("The draft changed while you reviewed it: reload it to see the new text.");
      await store.recordDecision({
        draftId: draft.id,
        reviewer: { id: actor.userId, name: actor.name },
        physician: actor.physician ?? null,
        decision: state,
        note: trimmedNote,
        sourceHash: sourceHash(draft.source),
        decidedAt: now().toISOString(),
      });
      await audit(actor, decision === "approve" ? "page-review-approve" : "page-review-send-back", path);
      return moved;
    },

    async publishDraft({ path, version, summary }: { path: string; version: number; summary: string }, actor: PublishingActor): Promise<PublishResult> {
      requireEditor(actor);
      const draft = await draftAt(path, version);
      const message = summary.trim();
      if (!message || /[\r\n]/.test(message) || message.length > SUMMARY_MAX_LENGTH) {
        throw new PublishingRefusal(`Describe the change in one line of at most ${SUMMARY_MAX_LENGTH} characters, e.g. "Benefits: shorter first paragraph".`);
      }
      try {
        await catchUp();
      } catch (error) {
        throw new PublishingRefusal(
          `The latest version could not be brought in from ${deps.remote} before publishing, so nothing was published and your draft is kept: try again in a few minutes. (${(error as Error).message})`,
        );
      }
      const head = await branchHead(repository, branch);
      // Only the pictures the page's words still show: one uploaded and then taken out stays out of git.
      const pictures = (await picturesOf(draft)).filter((picture) => draft.source.includes(pictureSrc(picture.path)));
      if (pictures.length === 0 && (await fileAt(repository, head, path)) === draft.source) {
        await store.setState(draft.id, version, { state: "published", publishedCommit: head });
        return { status: "unchanged", commit: head };
      }
      const reviewNeeded = needsClinicalReview(path, draft.baseSource, draft.source);
      const approval = reviewNeeded ? currentApproval(draft, await store.decisionsOf(draft.id)) : undefined;
      const draftCheck = await checkAtHead(draft);
      const refusal = publishRefusal({ actor, draft, check: draftCheck, reviewNeeded, approval });
      if (refusal) throw new PublishingRefusal(refusal);
      const published = path.endsWith(PAGE_FILE_EXTENSION)
        ? withPublishedSettings(draft.source, {
            updated: today(now()),
            approval: approval?.physician ? { reviewedBy: approval.physician, reviewed: approval.decidedAt.slice(0, 10) } : undefined,
          })
        : draft.source;
      // The text as it will be committed, dates and reviewer included, is what the check must pass.
      const finalCheck = published === draft.source ? draftCheck : await checkAtHead(draft, published);
      const finalRefusal = publishRefusal({ actor, draft, check: finalCheck, reviewNeeded, approval });
      if (finalRefusal) {
        // Only the dates or the reviewer's name can be wrong here (e.g. a physician no longer in clinic.yaml): say which.
        const errors = finalCheck.problems.filter((problem) => problem.severity === "error").map(formatContentProblem);
        throw new PublishingRefusal(`${finalRefusal}\n${errors.join("\n")}`);
      }

      // One publish per draft at a time (a double click, two tabs, two servers): the store decides who makes the commit.
      const startedAt = now();
      if (!(await store.claimPublish(draft.id, version, startedAt.toISOString(), new Date(startedAt.getTime() - PUBLISH_CLAIM_MS).toISOString()))) {
        throw new PublishingRefusal("This draft is being published right now (from another tab, or by someone else): reload the page in a moment to see the result.");
      }
      let outcome: Awaited<ReturnType<typeof commitFiles>>;
      try {
        outcome = await commitFiles(repository, {
          branch,
          files: [{ path, content: published }, ...pictures],
          author: { name: actor.name, email: actor.email },
          committer: deps.committer,
          message,
          trailers: approval?.physician ? { "Reviewed-by": approval.physician } : undefined,
          expectedBase: draft.baseCommit,
          // A physician approved these words, not a merge of them with a developer's.
          approvedExactly: approval ? [path] : undefined,
        });
      } catch (error) {
        await store.setState(draft.id, version, { state: draft.state, note: draft.stateNote });
        throw error;
      }
      if (outcome.status === "needs-review") {
        const merged = draft.baseSource === null ? undefined : await mergeText(draft.baseSource, draft.source, outcome.theirs);
        const reason = `${path} was changed in git since it was approved; the change is merged into the draft, and a physician must approve the merged words: ask for review again.`;
        const rebased =
          merged === undefined
            ? undefined
            : await store.rebase(draft.id, version, {
                source: clearReviewOnChange(outcome.theirs, merged).source,
                baseCommit: outcome.branchCommit,
                baseSource: outcome.theirs,
                note: reason,
                by: staffMember(actor),
                at: now().toISOString(),
              });
        if (!rebased) {
          await store.setState(draft.id, version, { state: draft.state, note: draft.stateNote });
          throw new PublishingRefusal("The draft changed while you published it: reload it and try again.");
        }
        await audit(actor, "page-publish-failed", path, `merged with ${short(outcome.branchCommit)}: needs review again`);
        return { status: "needs-review", message: reason, version: rebased.version };
      }
      if (outcome.status === "conflict") {
        const reason = `${path} was changed in git since this draft began, on the same lines: choose what to keep, then publish again.`;
        await store.setState(draft.id, version, { state: "failed", note: reason });
        await audit(actor, "page-publish-failed", path, `conflict with ${short(outcome.branchCommit)}`);
        return { status: "conflict", message: reason, base: outcome.base, yours: outcome.ours, theirs: outcome.theirs };
      }
      if (deps.remote) {
        try {
          await pushBranch(repository, deps.remote, branch);
        } catch (error) {
          const reason = `Saved in git as ${short(outcome.commit)}, but it could not be sent to ${deps.remote}, where the site updates from: publish again to retry. (${(error as Error).message})`;
          await store.setState(draft.id, version, { state: "failed", note: reason });
          await audit(actor, "page-publish-failed", path, `push of ${short(outcome.commit)}`);
          return { status: "push-failed", commit: outcome.commit, message: reason };
        }
      }
      await store.setState(draft.id, version, { state: "published", publishedCommit: outcome.commit });
      await audit(actor, "page-publish", path, `commit ${short(outcome.commit)}`);
      return outcome.status === "committed" ? { status: "published", commit: outcome.commit, merged: outcome.merged } : { status: "unchanged", commit: outcome.commit };
    },

    /** Throws the draft away: the page stays as published. Refused while it is being published. */
    async discardDraft({ path, version }: { path: string; version: number }, actor: PublishingActor): Promise<void> {
      requireEditor(actor);
      const draft = await draftAt(path, version);
      const staleBefore = new Date(now().getTime() - PUBLISH_CLAIM_MS).toISOString();
      if (!(await store.discard(draft.id, version, staleBefore))) {
        throw new PublishingRefusal("The draft changed or is being published while you discarded it: reload it and try again.");
      }
      await audit(actor, "page-draft-discard", path, `version ${version} by ${draft.savedBy.name}`);
    },

    async pageHistory(path: string): Promise<FileVersion[]> {
      assertEditablePath(path);
      return fileHistory(repository, branch, path);
    },

    /** A file's text at one of its published versions (from pageHistory), for the history's differences. */
    async fileAtVersion(path: string, commit: string): Promise<string | undefined> {
      assertEditablePath(path);
      if (!/^[0-9a-f]{7,40}$/.test(commit)) throw new PublishingRefusal(`${commit} is not a published version of ${path}.`);
      return fileAt(repository, commit, path);
    },

    async restoreVersion(path: string, commit: string, actor: PublishingActor): Promise<DraftView> {
      requireEditor(actor);
      assertEditablePath(path);
      const head = await branchHead(repository, branch);
      if (!/^[0-9a-f]{7,40}$/.test(commit) || !(await isAncestor(repository, commit, head).catch(() => false))) {
        throw new PublishingRefusal(`${commit} is not a published version of ${path}.`);
      }
      const old = await fileAt(repository, commit, path);
      if (old === undefined) throw new PublishingRefusal(`The version ${short(commit)} has no ${path}.`);
      const current = (await fileAt(repository, head, path)) ?? null;
      // The old text's review covered the old words; against today's page it may no longer hold.
      const source = path.endsWith(PAGE_FILE_EXTENSION) ? clearReviewOnChange(current ?? undefined, old).source : old;
      const existing = await store.openDraftOf(path);
      let draft: Draft;
      if (existing) {
        if (existing.source !== existing.baseSource) {
          throw new PublishingRefusal(`${existing.savedBy.name} has unpublished changes in the draft of this page: publish them, or discard it first.`);
        }
        const saved = await store.saveSource({ draftId: existing.id, expectedVersion: existing.version, source, by: staffMember(actor), at: now().toISOString() });
        if (!saved.saved) throw new PublishingRefusal("The draft changed while you restored: reload it and try again.");
        draft = saved.draft;
      } else {
        draft = (await startFrom(path, source, actor, { commit: head, source: current })).draft;
      }
      await audit(actor, "page-restore", path, `from ${short(commit)}`);
      return view(draft, actor);
    },

    async publishStatus(commit: string): Promise<PublishStatus> {
      const served = await deps.servedCommit().catch(() => undefined);
      const holds = async (release: string | undefined) =>
        release !== undefined && release !== "unknown" && (release === commit || (await isAncestor(repository, commit, release).catch(() => false)));
      const overview = releaseOverview(deps.siteRoot);
      if (await holds(served)) {
        const since = overview.managed && overview.live?.commit === served ? overview.live?.since : undefined;
        return { state: "live", since, message: since ? `Live since ${since}` : "Live" };
      }
      const failure = overview.managed ? overview.lastFailure : undefined;
      if (failure && (await holds(failure.commit))) {
        return { state: "failed", stage: failure.stage, at: failure.at, message: failure.message };
      }
      return { state: "waiting", message: "Waiting for the site to update" };
    },
  };
}

export type PublishingService = ReturnType<typeof createPublishingService>;

/** Asks the live site (SITE_URL/api/health) which commit it serves. */
async function servedCommitFrom(siteUrl: string): Promise<string | undefined> {
  const response = await fetch(`${siteUrl}/api/health`, { cache: "no-store", signal: AbortSignal.timeout(5000) });
  const body = (await response.json()) as { release?: { commit?: unknown } };
  return typeof body.release?.commit === "string" ? body.release.commit : undefined;
}

const globalPublishing = globalThis as typeof globalThis & { __publishingService?: Promise<PublishingService> };

/** The server's publishing service, on the appointments runtime's database connection and audit key. */
export function getPublishingService(): Promise<PublishingService> {
  globalPublishing.__publishingService ??= (async () => {
    const env = getServerEnv();
    if (!env.CONTENT_GIT_REPOSITORY) {
      throw new PublishingRefusal(
        "CONTENT_GIT_REPOSITORY is not set: the web editor needs the absolute path of the git checkout it publishes into (see README, Environment variables).",
      );
    }
    const runtime = await getAppointmentsRuntime();
    return createPublishingService({
      store: kyselyPublishingStore(runtime.store.authDatabase),
      audit: { store: runtime.store, ipHashKey: runtime.keys.ipHash },
      repository: env.CONTENT_GIT_REPOSITORY,
      branch: env.CONTENT_GIT_BRANCH,
      remote: env.CONTENT_GIT_REMOTE,
      committer: { name: SITE_COMMITTER_NAME, email: `website@${new URL(env.SITE_URL).hostname}` },
      siteRoot: env.SITE_ROOT,
      servedCommit: () => servedCommitFrom(env.SITE_URL),
    });
  })().catch((error: unknown) => {
    globalPublishing.__publishingService = undefined;
    throw error;
  });
  return globalPublishing.__publishingService;
}
