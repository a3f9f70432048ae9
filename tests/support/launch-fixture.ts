/**
 * A project folder (content/ and public/) with everything the launch check asks for, made from the real content:
 * the clinic's facts filled in (made-up, for tests only), a physician's review on every medical page, the notice's
 * file and the taglines file. With COMPLETE_LAUNCH_ENV, `npm run launch:check` says "Ready to launch" there.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseContentPage } from "@/lib/content/pages";
import { withPublishedSettings } from "@/lib/content/medical-review";

export const FIXTURE_PHYSICIAN = "Dr. Robin Testfield";

export const COMPLETE_CLINIC_YAML = `name: Mocek Spine
phone: 501.224.4001
address:
  street: 1 Testfield Lane
  city: Little Rock
  region: AR
  postalCode: "72201"
hours:
  - days: [Monday, Tuesday, Wednesday, Thursday, Friday]
    opens: "08:00"
    closes: "17:00"
physicians:
  - name: ${FIXTURE_PHYSICIAN}
    credentials: MD
email: frontdesk@mocekspine.com
notices:
  privacyPractices: /documents/notice-of-privacy-practices.pdf
  civilRightsContact:
    name: Sam Testfield, Civil Rights Coordinator
    phone: 501.224.4001
  languageTaglines: language-taglines.yaml
medicareStudy: does-not-take-part
callBack:
  withinBusinessDays: 1
  from: 501.224.4001
callTimes: [morning, afternoon]
`;

/** The production settings, complete: a key, mail, and the public https address. */
export const COMPLETE_LAUNCH_ENV = {
  SITE_URL: "https://www.mocekspine.com",
  APPOINTMENTS_KEY: Buffer.alloc(32, 7).toString("base64"),
  SMTP_URL: "smtps://website:secret-password@mail.mocekspine.com:465",
  STAFF_NOTIFY_EMAIL: "front-desk@mocekspine.com",
  MAIL_FROM: "Mocek Spine website <website@mocekspine.com>",
} as const;

/** Creates the folder (the caller removes it); returns its path. */
export function createCompleteLaunchProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "launch-ready-"));
  const project = process.cwd();
  fs.cpSync(path.join(project, "content"), path.join(root, "content"), { recursive: true });
  fs.cpSync(path.join(project, "public"), path.join(root, "public"), { recursive: true });
  const content = path.join(root, "content");
  fs.writeFileSync(path.join(content, "clinic.yaml"), COMPLETE_CLINIC_YAML);
  for (const name of fs.readdirSync(content).filter((file) => file.endsWith(".mdx"))) {
    const file = path.join(content, name);
    const source = fs.readFileSync(file, "utf8");
    const page = parseContentPage(`content/${name}`, source);
    if (Array.isArray(page)) throw new Error(`content/${name} cannot be read: ${page.map((problem) => problem.message).join("; ")}`);
    if (!page.medical) continue;
    fs.writeFileSync(file, withPublishedSettings(source, { updated: page.updated, approval: { reviewedBy: FIXTURE_PHYSICIAN, reviewed: page.updated } }));
  }
  // A made-up language (qaa is a tag kept for private use): the tests never hold a real translation.
  fs.writeFileSync(
    path.join(content, "language-taglines.yaml"),
    "# Written by the clinic's translators.\n- language: Testish\n  lang: qaa\n  dir: ltr\n  text: A fixture tagline, as a translator would write it.\n",
  );
  fs.mkdirSync(path.join(root, "public", "documents"), { recursive: true });
  fs.writeFileSync(path.join(root, "public", "documents", "notice-of-privacy-practices.pdf"), "%PDF-1.4\n");
  return root;
}
