// @vitest-environment node
/**
 * `npm run launch:check`'s judgement: on today's content everything the clinic still has to give is listed, each
 * with where to add it; on a complete project nothing is.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readContentCheckInput } from "@/lib/content/check/read-folders";
import { CONTENT_DIR } from "@/lib/content/pages";
import { findMissingForLaunch, formatLaunchReport, type LaunchCheckInput } from "@/lib/launch/check";
import { COMPLETE_CLINIC_YAML, COMPLETE_LAUNCH_ENV, createCompleteLaunchProject } from "@/tests/support/launch-fixture";

const todaysContent = () => readContentCheckInput(CONTENT_DIR, path.join(process.cwd(), "public"));
const report = (input: LaunchCheckInput) => formatLaunchReport(findMissingForLaunch(input));

let completeProject: string;
beforeAll(() => {
  completeProject = createCompleteLaunchProject();
});
afterAll(() => fs.rmSync(completeProject, { recursive: true, force: true }));

function complete(change: Partial<LaunchCheckInput> = {}): LaunchCheckInput {
  const { files, publicFiles } = readContentCheckInput(path.join(completeProject, "content"), path.join(completeProject, "public"));
  return { files, publicFiles, env: { ...COMPLETE_LAUNCH_ENV }, contentCheckErrors: 0, ...change };
}

/** The complete project with clinic.yaml changed. */
function withClinicYaml(edit: (yaml: string) => string): LaunchCheckInput {
  const input = complete();
  return { ...input, files: input.files.map((file) => (file.file.endsWith("clinic.yaml") ? { ...file, text: edit(COMPLETE_CLINIC_YAML) } : file)) };
}

describe("the launch check on today's content, with no production settings", () => {
  it("lists every fact only the clinic can give, each with the field and the staff form", () => {
    const { files, publicFiles } = todaysContent();
    const lines = report({ files, publicFiles, env: {}, contentCheckErrors: 0 }).split("\n");
    expect(lines[0]).toMatch(/^Not ready to launch: \d+ things are missing\.$/);
    for (const field of ["address", "hours", "physicians", "notices.privacyPractices", "notices.civilRightsContact", "notices.languageTaglines", "medicareStudy", "callBack", "callTimes"]) {
      expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^- .+ — \`${field.replace(".", "\\.")}\` in content/clinic\\.yaml, or /staff/clinic-facts$`)));
    }
  });

  it("lists each medical page without a physician's review, and no page that is not medical", () => {
    const { files, publicFiles } = todaysContent();
    const text = report({ files, publicFiles, env: {}, contentCheckErrors: 0 });
    expect(text).toContain(
      "- A physician's review of /mild-procedure (content/mild-procedure.mdx) — a physician approves it at /staff/pages/mild-procedure, or `reviewedBy` and `reviewed` in content/mild-procedure.mdx",
    );
    expect(text).toContain("A physician's review of /faq ");
    expect(text).not.toContain("/privacy (content/privacy.mdx)");
    expect(text).not.toContain("/contact (content/contact.mdx)");
  });

  it("lists the production settings: SITE_URL, APPOINTMENTS_KEY and the three mail settings", () => {
    const { files, publicFiles } = todaysContent();
    const text = report({ files, publicFiles, env: {}, contentCheckErrors: 0 });
    for (const name of ["SITE_URL", "APPOINTMENTS_KEY", "SMTP_URL", "STAFF_NOTIFY_EMAIL", "MAIL_FROM"]) {
      expect(text).toMatch(new RegExp(`^- ${name}\\b.+ — ${name} in the server's settings, /etc/mocek-spine/env \\(docs/deploy\\.md\\)$`, "m"));
    }
  });
});

describe("the launch check on a complete project", () => {
  it("finds nothing missing and says the site is ready", () => {
    expect(findMissingForLaunch(complete())).toEqual([]);
    expect(report(complete())).toBe("Ready to launch: every fact and setting the site needs is in place.");
  });

  it("fails while the content check has errors, and says how to see them", () => {
    expect(report(complete({ contentCheckErrors: 2 }))).toContain(
      "- The content check finds 2 errors: the site cannot be built until they are fixed — run npm run content:check, which names each file and line",
    );
  });

  it("asks for the notice's file when clinic.yaml names one that is not in public/", () => {
    const input = complete();
    const publicFiles = new Set([...input.publicFiles].filter((file) => file !== "/documents/notice-of-privacy-practices.pdf"));
    expect(findMissingForLaunch({ ...input, publicFiles })).toEqual([
      { what: "The Notice of Privacy Practices file /documents/notice-of-privacy-practices.pdf", where: "put it in public/documents/notice-of-privacy-practices.pdf" },
    ]);
  });

  it("accepts the notice as a page, and asks for the taglines file when it is not in content/", () => {
    const input = withClinicYaml((yaml) => yaml.replace("/documents/notice-of-privacy-practices.pdf", "/notice-of-privacy-practices"));
    expect(findMissingForLaunch({ ...input, files: input.files.filter((file) => !file.file.endsWith("language-taglines.yaml")) })).toEqual([
      { what: "The language-assistance taglines file language-taglines.yaml", where: "add it to content/ (content/language-taglines.yaml)" },
    ]);
  });

  it("names each language the taglines file lists that still waits for its translator", () => {
    const input = complete();
    const files = input.files.map((file) =>
      file.file.endsWith("language-taglines.yaml")
        ? { ...file, text: "- language: Testish\n  lang: qaa\n  dir: ltr\n  text: A fixture tagline, written by a translator.\n- language: Fixturese\n  lang: qab\n  dir: rtl\n  text: \"\"\n" }
        : file,
    );
    expect(findMissingForLaunch({ ...input, files })).toEqual([
      { what: "The tagline in Fixturese (qab), from the clinic's translator", where: "`text` of entry 2 in content/language-taglines.yaml" },
    ]);
  });

  it("refuses a SITE_URL on this computer, at an example domain, or without https", () => {
    const siteUrlProblem = (SITE_URL: string) => findMissingForLaunch(complete({ env: { ...COMPLETE_LAUNCH_ENV, SITE_URL } })).map((missing) => missing.what);
    expect(siteUrlProblem("http://localhost:3000")).toEqual(["SITE_URL names this computer (localhost), not the public address"]);
    expect(siteUrlProblem("https://127.0.0.1")).toEqual(["SITE_URL names this computer (127.0.0.1), not the public address"]);
    expect(siteUrlProblem("http://[::1]:3000")).toEqual(["SITE_URL names this computer ([::1]), not the public address"]);
    expect(siteUrlProblem("https://www.example.com")).toEqual(["SITE_URL is an example address (www.example.com), not the clinic's"]);
    expect(siteUrlProblem("https://clinic.test")).toEqual(["SITE_URL is an example address (clinic.test), not the clinic's"]);
    expect(siteUrlProblem("http://www.mocekspine.com")).toEqual(["SITE_URL must start with https:// (patients' details travel over it)"]);
  });

  it("judges the settings with the server's own schema, and never prints a secret or a password", () => {
    const env = { ...COMPLETE_LAUNCH_ENV, MAIL_FROM: "", APPOINTMENTS_KEYS: "a-second-secret-key" };
    const text = report(complete({ env }));
    expect(text).toContain("- MAIL_FROM must be set when staff notifications are on");
    expect(text).toContain("- APPOINTMENTS_KEYS and APPOINTMENTS_KEY are both set: set one.");
    for (const secret of [COMPLETE_LAUNCH_ENV.APPOINTMENTS_KEY, "a-second-secret-key", "secret-password"]) expect(text).not.toContain(secret);
  });

  it("accepts APPOINTMENTS_KEYS (a key rotation) in place of APPOINTMENTS_KEY", () => {
    const { APPOINTMENTS_KEY, ...env } = COMPLETE_LAUNCH_ENV;
    expect(findMissingForLaunch(complete({ env: { ...env, APPOINTMENTS_KEYS: APPOINTMENTS_KEY } }))).toEqual([]);
  });
});
