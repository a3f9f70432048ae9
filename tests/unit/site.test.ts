import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkContent } from "@/lib/content/check";
import { readContentCheckInput } from "@/lib/content/check/read-folders";
import { formatContentProblem } from "@/lib/content/errors";
import { CONTENT_DIR } from "@/lib/content/pages";
import { CLINIC_FILE, getClinic, parseClinicFacts, phoneFromDigits } from "@/lib/site";
import { contentProblemsOf } from "./content-problems";

const problemsOf = (yamlText: string) => contentProblemsOf(() => parseClinicFacts(yamlText));

describe("clinic facts", () => {
  it("the real content/clinic.yaml validates and gives every form of the phone number", () => {
    const clinic = parseClinicFacts(fs.readFileSync(CLINIC_FILE, "utf8"));
    expect(clinic.name).toBe("Mocek Spine");
    expect(clinic.phone).toEqual({
      display: "501.224.4001",
      href: "tel:+15012244001",
      international: "+1-501-224-4001",
    });
    expect(getClinic()).toEqual(clinic);
  });

  it("accepts the phone written other ways, or as a bare number, and stores the same digits", () => {
    for (const written of ["(501) 224-4001", "+1 501 224 4001", "5012244001"]) {
      expect(parseClinicFacts(`name: Mocek Spine\nphone: ${written}\n`).phone.href).toBe("tel:+15012244001");
    }
  });

  it("keeps unpublished facts absent, and an empty optional field counts as not published", () => {
    const clinic = parseClinicFacts("name: Mocek Spine\nphone: 501.224.4001\nphysicians:\n  - name: Dr. Test Person\n    role: \"\"\n");
    expect(clinic.address).toBeUndefined();
    expect(clinic.hours).toBeUndefined();
    expect(clinic.physicians).toEqual([{ name: "Dr. Test Person" }]);
  });

  it("names the file, line and field of a wrong phone number and a misspelt field", () => {
    expect(problemsOf("name: Mocek Spine\nphone: 224.4001\nadress: Main St\n")).toEqual([
      "content/clinic.yaml:2: `phone` must be a 10-digit US phone number, e.g. 501.224.4001",
      "content/clinic.yaml:3: has a field the site does not know: `adress` (check the spelling)",
    ]);
  });

  it("rejects opening hours that are not clock times", () => {
    expect(
      problemsOf('name: Mocek Spine\nphone: 501.224.4001\nhours:\n  - days: [Monday]\n    opens: 8am\n    closes: "17:00"\n'),
    ).toEqual(['content/clinic.yaml:5: `hours.0.opens` must be a time written as HH:MM in quotes, e.g. "08:00"']);
  });

  it("formats a phone in the clinic's own style", () => {
    expect(phoneFromDigits("5015550123").display).toBe("501.555.0123");
  });
});

/**
 * content/clinic.yaml as staff meet it: its comment tells them how to publish the address, hours and physicians.
 * Following those words must give a file the site reads, and the examples in it must never be published.
 */
describe("content/clinic.yaml's own instructions", () => {
  const clinicYaml = fs.readFileSync(CLINIC_FILE, "utf8");
  const lines = clinicYaml.split("\n");
  /** The commented-out example block: from `# address:` to the end of the file. */
  const exampleStart = lines.findIndex((line) => line.startsWith("# address:"));
  const uncommented = (uncomment: (line: string) => string) =>
    lines.map((line, index) => (index >= exampleStart && line.startsWith("#") ? uncomment(line) : line)).join("\n");
  const lineOf = (text: string, prefix: string) => text.split("\n").findIndex((line) => line.startsWith(prefix)) + 1;

  it("say exactly what to delete: the hash and the space after it", () => {
    expect(exampleStart).toBeGreaterThan(0);
    expect(clinicYaml).toContain('delete the "# " at the start of each of its lines');
  });

  it("followed as written, give a file the site reads, and it refuses each example value at its line", () => {
    const followed = uncommented((line) => line.replace(/^# ?/, ""));
    const refused = (prefix: string, field: string, value: string) =>
      `content/clinic.yaml:${lineOf(followed, prefix)}: \`${field}\` is "${value}", an example, not the clinic's: ` +
      'write the clinic\'s own, or put the "# " back at the start of these lines until the clinic publishes it';
    expect(problemsOf(followed)).toEqual([
      refused("  street:", "address.street", "123 Example Street"),
      refused("  city:", "address.city", "Example City"),
      refused("  - name:", "physicians.0.name", "Dr. Example Name"),
      refused("    role:", "physicians.0.role", "Example role, such as Interventional spine physician"),
      refused("email:", "email", "frontdesk@example.com"),
      refused("    name:", "notices.civilRightsContact.name", "Example Name, Civil Rights Coordinator"),
      refused("    email:", "notices.civilRightsContact.email", "civilrights@example.com"),
      refused("    address:", "notices.civilRightsContact.address", "123 Example Street, Example City, AR 72201"),
    ]);
    const filledIn = followed
      .replace("123 Example Street", "1 Fixture Road")
      .replace("Example City", "Testville")
      .replace("Dr. Example Name", "Dr. Fixture Person")
      .replace("Example role, such as Interventional spine physician", "Spine physician")
      .replace("frontdesk@example.com", "frontdesk@fixture-clinic.org")
      .replace("Example Name, Civil Rights Coordinator", "Pat Fixture, Civil Rights Coordinator")
      .replace("civilrights@example.com", "civilrights@fixture-clinic.org")
      .replace("123 Example Street, Example City", "1 Fixture Road, Testville");
    expect(parseClinicFacts(filledIn)).toMatchObject({
      address: { street: "1 Fixture Road", city: "Testville" },
      physicians: [{ name: "Dr. Fixture Person", role: "Spine physician" }],
      email: "frontdesk@fixture-clinic.org",
      notices: {
        privacyPractices: "/documents/notice-of-privacy-practices.pdf",
        civilRightsContact: { name: "Pat Fixture, Civil Rights Coordinator", phone: "5012244001" },
        languageTaglines: "language-taglines.yaml",
      },
      medicareStudy: "takes-part",
      callBack: { withinBusinessDays: 1, from: { display: "501.224.4001", href: "tel:+15012244001" } },
      callTimes: ["morning", "afternoon"],
    });
  });

  it("followed as written, leave the content check not ready to publish while an example remains", { timeout: 60_000 }, async () => {
    const followed = uncommented((line) => line.replace(/^# ?/, ""));
    const site = readContentCheckInput(CONTENT_DIR, path.join(process.cwd(), "public"));
    const files = site.files.map((file) => (file.file === "content/clinic.yaml" ? { ...file, text: followed } : file));
    const report = await checkContent({ files, publicFiles: site.publicFiles });
    const clinicProblems = report.problems.filter((problem) => problem.file === "content/clinic.yaml");
    expect(clinicProblems.map(formatContentProblem)).toEqual(
      [
        '"123 Example Street"',
        '"Example City"',
        '"Dr. Example Name"',
        '"Example role',
        '"frontdesk@example.com"',
        '"Example Name, Civil Rights Coordinator"',
        '"civilrights@example.com"',
        '"123 Example Street, Example City, AR 72201"',
      ].map((value) => expect.stringContaining(value)),
    );
    expect(clinicProblems.every((problem) => problem.severity === "error")).toBe(true);
  });

  it("half followed (only the hash deleted), name the lines that are wrong, not the blank ones before them", () => {
    const halfFollowed = uncommented((line) => line.slice(1));
    const wrong = ["address:", "hours:", "physicians:", "email:", "notices:", "medicareStudy:", "callBack:", "callTimes:"].map((key) => lineOf(halfFollowed, ` ${key}`));
    const problems = problemsOf(halfFollowed);
    expect(problems.map((problem) => Number(/^content\/clinic\.yaml:(\d+):/.exec(problem)?.[1]))).toEqual(wrong);
    for (const line of problems.map((problem) => Number(/:(\d+):/.exec(problem)![1]))) expect(halfFollowed.split("\n")[line - 1]?.trim()).not.toBe("");
    expect(problems[0]).toContain("the spaces at the start of this line");
  });
});

describe("example values are never the clinic's facts", () => {
  it("refuses any value with the word Example, and example.com addresses", () => {
    expect(problemsOf("name: Example Clinic\nphone: 501.224.4001\n")).toEqual([
      'content/clinic.yaml:1: `name` is "Example Clinic", an example, not the clinic\'s: write the clinic\'s own, or put the "# " back at the start of these lines until the clinic publishes it',
    ]);
    expect(problemsOf("name: Mocek Spine\nphone: 501.224.4001\nphysicians:\n  - name: Dr. Ana Ruiz\n    role: write to ana@example.com\n")).toHaveLength(1);
  });

  it("refuses a 555-01xx phone number, which is kept for examples and never rings", () => {
    for (const written of ["501.555.0123", "(501) 555-0100", "5015550199"]) {
      expect(problemsOf(`name: Mocek Spine\nphone: ${written}\n`)).toEqual([
        "content/clinic.yaml:2: `phone` is a 555-01xx number, kept for examples, which never rings: write the number patients call, e.g. 501.224.4001",
      ]);
    }
    // 555 numbers outside 0100-0199 are real numbers in many area codes.
    expect(parseClinicFacts("name: Mocek Spine\nphone: 501.555.0200\n").phone.display).toBe("501.555.0200");
  });

  it("accepts real words that merely contain the letters (Exampleton is not a word of its own)", () => {
    expect(parseClinicFacts("name: Mocek Spine\nphone: 501.224.4001\naddress:\n  street: 1 Main Street\n  city: Exampleton\n  region: AR\n  postalCode: \"72201\"\n").address?.city).toBe(
      "Exampleton",
    );
  });
});
