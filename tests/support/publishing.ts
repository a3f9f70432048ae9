/**
 * The publishing service as tests use it: a throwaway git repository holding this project's content/ and public/
 * (plus any fixture files), the real store on SQLite, and a clock the test moves.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { AppointmentStore } from "@/lib/appointments/store";
import { kyselyPublishingStore } from "@/lib/publishing/kysely-store";
import type { PublishingActor } from "@/lib/publishing/rules";
import { createPublishingService, type PublishingDeps } from "@/lib/publishing/service";
import { openTestSqliteStore, type Cleanups } from "./test-stores";
import { throwawayRepository } from "./throwaway-git";

const ROOT = path.resolve(__dirname, "../..");

/** Every file below `folder` of this project, by its path from the project's root. */
function projectFiles(folder: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  for (const entry of fs.readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join("/");
    files[file] = fs.readFileSync(path.join(ROOT, file));
  }
  return files;
}

/** A physician for fixtures only (never in the real content/clinic.yaml). */
export const FIXTURE_PHYSICIAN = "Dr. Fixture Person";

export const ana: PublishingActor = { userId: "user-ana", name: "Ana Ruiz", email: "ana@mocekspine.com", abilities: ["edit"] };
export const ben: PublishingActor = { userId: "user-ben", name: "Ben Okafor", email: "ben@mocekspine.com", abilities: ["edit"] };
export const rita: PublishingActor = {
  userId: "user-rita",
  name: "Rita Lang",
  email: "rita@mocekspine.com",
  abilities: ["review"],
  physician: FIXTURE_PHYSICIAN,
};
export const frontDesk: PublishingActor = { userId: "user-desk", name: "Dana Front", email: "dana@mocekspine.com", abilities: [] };

export interface PublishingFixture {
  repository: string;
  appointments: AppointmentStore;
  service: ReturnType<typeof createPublishingService>;
  clock: { now: Date };
  served: { commit: string | undefined };
}

/**
 * The service on a repository with the project's content, where content/clinic.yaml also lists the fixture
 * physician (so an approval can name them), and `files` added or replaced.
 */
export async function publishingFixture(
  cleanups: Cleanups,
  { files = {}, deps = {} }: { files?: Record<string, string | Buffer>; deps?: Partial<PublishingDeps> } = {},
): Promise<PublishingFixture> {
  const clinic = fs.readFileSync(path.join(ROOT, "content", "clinic.yaml"), "utf8") + `\nphysicians:\n  - name: ${FIXTURE_PHYSICIAN}\n    credentials: MD\n`;
  const repository = throwawayRepository(cleanups, { ...projectFiles("content"), ...projectFiles("public"), "content/clinic.yaml": clinic, ...files });
  const appointments = await openTestSqliteStore(cleanups);
  const clock = { now: new Date("2026-12-03T15:00:00.000Z") };
  const served: { commit: string | undefined } = { commit: undefined };
  const service = createPublishingService({
    store: kyselyPublishingStore(appointments.authDatabase),
    audit: { store: appointments, ipHashKey: randomBytes(32), now: () => clock.now },
    repository,
    branch: "main",
    committer: { name: "Mocek Spine website", email: "website@clinic.example" },
    servedCommit: async () => served.commit,
    now: () => clock.now,
    ...deps,
  });
  return { repository, appointments, service, clock, served };
}
