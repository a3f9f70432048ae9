/**
 * `npm run launch:check`: what still stands between the site and going live, one line per missing fact, each with
 * where to add it. The facts only the clinic can give (content/clinic.yaml, a physician's review of each medical
 * page, the notices' files) and the production settings, read with the schema the server uses (lib/env.ts). Pure:
 * the script reads the files, the environment and the content check's report (scripts/launch-check.ts).
 */
import path from "node:path";
import { ContentError } from "@/lib/content/errors";
import { isExampleHostname } from "@/lib/content/example-values";
import { parseLanguageTaglines } from "@/lib/content/language-taglines";
import { PAGE_FILE_EXTENSION, parseContentPage } from "@/lib/content/pages";
import type { ContentFile } from "@/lib/content/check";
import { isLoopbackSiteUrl, serverEnvSchema } from "@/lib/env";
import { CLINIC_FILE, parseClinicFacts, type Clinic } from "@/lib/site";

export interface LaunchCheckInput {
  /** Every file in content/, as the content check reads them. */
  files: readonly ContentFile[];
  /** Every file in public/, as its address (`/documents/notice.pdf`). */
  publicFiles: ReadonlySet<string>;
  /** The environment the site will be built and served with. */
  env: Record<string, string | undefined>;
  /** How many errors `npm run content:check` finds: the site cannot be built while there is one. */
  contentCheckErrors: number;
}

/** One thing missing: what it is, and where to add it. */
export interface MissingForLaunch {
  what: string;
  where: string;
}

const CLINIC_FORM = "/staff/clinic-facts";
const inClinicFile = (field: string) => `\`${field}\` in ${CLINIC_FILE}, or ${CLINIC_FORM}`;
const inEnvironment = (name: string) => `${name} in the server's settings, /etc/mocek-spine/env (docs/deploy.md)`;

/** The clinic's facts, or undefined when the file is missing or wrong (the content check then lists why). */
function readClinic(files: readonly ContentFile[]): Clinic | undefined {
  const file = files.find((candidate) => path.basename(candidate.file) === path.basename(CLINIC_FILE));
  if (!file) return undefined;
  try {
    return parseClinicFacts(file.text, file.file);
  } catch (error) {
    if (error instanceof ContentError) return undefined;
    throw error;
  }
}

function missingClinicFacts(clinic: Clinic, { files, publicFiles }: LaunchCheckInput): MissingForLaunch[] {
  const missing: MissingForLaunch[] = [];
  const need = (isMissing: boolean, what: string, where: string) => {
    if (isMissing) missing.push({ what, where });
  };
  need(!clinic.address, "The clinic's address", inClinicFile("address"));
  need(!clinic.hours?.length, "The clinic's opening hours", inClinicFile("hours"));
  need(!clinic.physicians?.length, "The clinic's physicians", inClinicFile("physicians"));

  const privacyPractices = clinic.notices?.privacyPractices;
  need(!privacyPractices, "The Notice of Privacy Practices (HIPAA)", inClinicFile("notices.privacyPractices"));
  // A file the notice names must be there; a page ("/…" without an extension) the content check already judges.
  if (privacyPractices && path.extname(privacyPractices) !== "" && !publicFiles.has(privacyPractices)) {
    missing.push({ what: `The Notice of Privacy Practices file ${privacyPractices}`, where: `put it in public${privacyPractices}` });
  }
  need(!clinic.notices?.civilRightsContact, "The civil-rights contact (Section 1557 coordinator)", inClinicFile("notices.civilRightsContact"));

  const taglines = clinic.notices?.languageTaglines;
  const taglinesFile = taglines && files.find((file) => path.basename(file.file) === taglines);
  need(!taglines, "The language-assistance taglines file", inClinicFile("notices.languageTaglines"));
  if (taglines && !taglinesFile) missing.push({ what: `The language-assistance taglines file ${taglines}`, where: `add it to content/ (content/${taglines})` });
  // A language listed without its text waits for the clinic's translator (the site never translates a notice).
  // A file that cannot be read is the content check's to explain, and counted among its errors.
  const listed = taglinesFile ? parseLanguageTaglines(taglinesFile.text, taglinesFile.file) : undefined;
  if (listed?.ok) {
    for (const [index, tagline] of listed.data.entries()) {
      if (tagline.text !== undefined) continue;
      missing.push({ what: `The tagline in ${tagline.language} (${tagline.lang}), from the clinic's translator`, where: `\`text\` of entry ${index + 1} in content/${taglines}` });
    }
  }

  need(!clinic.medicareStudy, "Whether the clinic takes part in a Medicare-approved MILD study", inClinicFile("medicareStudy"));
  need(!clinic.callBack, "How soon staff call back after a request, and from which number", inClinicFile("callBack"));
  need(!clinic.callTimes?.length, "The call times staff offer (morning, afternoon, evening)", inClinicFile("callTimes"));
  return missing;
}

/** Each medical page without a physician's review (`reviewedBy` with its date, `reviewed`). */
function unreviewedMedicalPages(files: readonly ContentFile[]): MissingForLaunch[] {
  return files
    .filter((file) => file.file.endsWith(PAGE_FILE_EXTENSION))
    .flatMap((file) => {
      const page = parseContentPage(file.file, file.text);
      // A page whose settings cannot be read is the content check's error, counted below.
      if (Array.isArray(page) || !page.medical || (page.reviewedBy && page.reviewed)) return [];
      return [
        {
          what: `A physician's review of ${page.href} (${file.file})`,
          where: `a physician approves it at /staff/pages/${page.slug || "index"}, or \`reviewedBy\` and \`reviewed\` in ${file.file}`,
        },
      ];
    });
}

/** The production settings, judged by the server's own schema; a value is never shown (some are secrets). */
function missingSettings(env: LaunchCheckInput["env"]): MissingForLaunch[] {
  const parsed = serverEnvSchema.safeParse(env);
  if (!parsed.success) {
    return parsed.error.issues.map((issue) => {
      const name = String(issue.path[0]);
      return { what: `${name} ${issue.message}`, where: inEnvironment(name) };
    });
  }
  const missing: MissingForLaunch[] = [];
  const isSet = (name: string) => (env[name] ?? "") !== "";
  if (!isSet("SITE_URL")) {
    missing.push({ what: "SITE_URL, the address patients type to reach the site (https://…)", where: inEnvironment("SITE_URL") });
  } else {
    const url = new URL(parsed.data.SITE_URL);
    if (isLoopbackSiteUrl(url.href)) {
      missing.push({ what: `SITE_URL names this computer (${url.hostname}), not the public address`, where: inEnvironment("SITE_URL") });
    } else if (isExampleHostname(url.hostname)) {
      missing.push({ what: `SITE_URL is an example address (${url.hostname}), not the clinic's`, where: inEnvironment("SITE_URL") });
    } else if (url.protocol !== "https:") {
      missing.push({ what: "SITE_URL must start with https:// (patients' details travel over it)", where: inEnvironment("SITE_URL") });
    }
  }
  if (!isSet("APPOINTMENTS_KEY") && !isSet("APPOINTMENTS_KEYS")) {
    missing.push({ what: "APPOINTMENTS_KEY, the key that encrypts patients' requests (keep a copy away from the server)", where: inEnvironment("APPOINTMENTS_KEY") });
  }
  const mail = { SMTP_URL: "the mail server", STAFF_NOTIFY_EMAIL: "who is told of each request", MAIL_FROM: "the sender of staff notifications" };
  for (const [name, meaning] of Object.entries(mail)) {
    if (!isSet(name)) missing.push({ what: `${name}, ${meaning}`, where: inEnvironment(name) });
  }
  return missing;
}

/** Everything still missing before launch, in the order a clinic's owner would supply it; empty when ready. */
export function findMissingForLaunch(input: LaunchCheckInput): MissingForLaunch[] {
  const missing: MissingForLaunch[] = [];
  if (input.contentCheckErrors > 0) {
    const errors = input.contentCheckErrors === 1 ? "1 error" : `${input.contentCheckErrors} errors`;
    missing.push({ what: `The content check finds ${errors}: the site cannot be built until they are fixed`, where: "run npm run content:check, which names each file and line" });
  }
  const clinic = readClinic(input.files);
  if (clinic) missing.push(...missingClinicFacts(clinic, input));
  else missing.push({ what: `The clinic's facts: ${CLINIC_FILE} is missing or has errors`, where: "run npm run content:check, which names each line" });
  missing.push(...unreviewedMedicalPages(input.files), ...missingSettings(input.env));
  return missing;
}

/** The report a clinic's owner reads: a heading, then one line per missing fact; or that nothing is missing. */
export function formatLaunchReport(missing: readonly MissingForLaunch[]): string {
  if (missing.length === 0) return "Ready to launch: every fact and setting the site needs is in place.";
  const heading = `Not ready to launch: ${missing.length === 1 ? "1 thing is" : `${missing.length} things are`} missing.`;
  return [heading, "", ...missing.map(({ what, where }) => `- ${what} — ${where}`)].join("\n");
}
