// @vitest-environment node
/**
 * The clinic's facts form (lib/publishing/clinic-facts.ts): content/clinic.yaml as form values and back, changing
 * only the lines of the fields that changed (comments kept), judged by the schema the build uses, example values
 * refused. The people and places here are made up for the test, never the clinic's.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clinicFactsFieldLimits, clinicFactsFormFromData, clinicFactsFormValues, updateClinicYaml } from "@/lib/publishing/clinic-facts";
import { parseClinicFacts } from "@/lib/site";

const TODAY = fs.readFileSync(path.join(process.cwd(), "content/clinic.yaml"), "utf8");
const FILLED = `# The clinic's facts.
name: Test Spine Clinic

# The number patients call.
phone: 501.224.4001

address:
  street: 12 Birch Road # the front door
  city: Littleton
  region: AR
  postalCode: "07201"

hours:
  - days: [Monday, Tuesday]
    opens: "08:00"
    closes: "17:00"

# Who reviews medical pages.
physicians:
  - name: Dr. Quinn Testperson
    credentials: MD
    role: Spine physician
  - name: Dr. Rowan Samplewood
`;

/** The facts only the clinic can give before launch, made up for the test. */
const LAUNCH_FACTS = `name: Test Spine Clinic
phone: 501.224.4001
email: frontdesk@testspine.org
notices:
  privacyPractices: /documents/notice-of-privacy-practices.pdf
  civilRightsContact:
    name: Sam Testperson
    phone: 501.224.4005
  languageTaglines: language-taglines.yaml
medicareStudy: takes-part
# What the confirmation promises.
callBack:
  withinBusinessDays: 2 # business days
  from: 501.224.4001
callTimes: [morning, afternoon]
`;

function saved(text: string, change: (form: ReturnType<typeof clinicFactsFormValues>) => void): string {
  const form = clinicFactsFormValues(text);
  change(form);
  const result = updateClinicYaml(text, form);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.text;
}

/** The lines of `after` that differ from `before`'s, as [line number, before, after]. */
function changedLines(before: string, after: string): [number, string | undefined, string | undefined][] {
  const [a, b] = [before.split("\n"), after.split("\n")];
  return Array.from({ length: Math.max(a.length, b.length) }, (_, index) => [index + 1, a[index], b[index]] as [number, string | undefined, string | undefined]).filter(
    ([, one, other]) => one !== other,
  );
}

describe("the clinic's facts form", () => {
  it("saving unchanged gives the file back byte for byte", () => {
    for (const text of [TODAY, FILLED]) expect(saved(text, () => undefined)).toBe(text);
  });

  it("shows each fact as written", () => {
    const form = clinicFactsFormValues(FILLED);
    expect(form.name).toBe("Test Spine Clinic");
    expect(form.phone).toBe("501.224.4001");
    expect(form.address).toEqual({ street: "12 Birch Road", city: "Littleton", region: "AR", postalCode: "07201" });
    expect(form.hours).toEqual([{ days: ["Monday", "Tuesday"], opens: "08:00", closes: "17:00" }]);
    expect(form.physicians[1]).toEqual({ name: "Dr. Rowan Samplewood", credentials: "", role: "" });
    expect(clinicFactsFormValues(TODAY).address).toEqual({ street: "", city: "", region: "", postalCode: "" });
  });

  it("a changed fact changes its one line, and keeps every comment", () => {
    expect(changedLines(FILLED, saved(FILLED, (form) => void (form.phone = "501.224.4002")))).toEqual([[5, "phone: 501.224.4001", "phone: 501.224.4002"]]);
    expect(changedLines(FILLED, saved(FILLED, (form) => void (form.address.street = "14 Birch Road")))).toEqual([
      [8, "  street: 12 Birch Road # the front door", "  street: 14 Birch Road # the front door"],
    ]);
    expect(changedLines(FILLED, saved(FILLED, (form) => void (form.hours[0]!.closes = "16:30")))).toEqual([[16, '    closes: "17:00"', '    closes: "16:30"']]);
    expect(changedLines(TODAY, saved(TODAY, (form) => void (form.name = "Mocek Spine Clinic")))).toEqual([[6, "name: Mocek Spine", "name: Mocek Spine Clinic"]]);
  });

  it("adds a fact the file did not have below the rest, keeping the instructions, and the build reads it", () => {
    const text = saved(TODAY, (form) => {
      form.address = { street: "12 Birch Road", city: "Littleton", region: "AR", postalCode: "07201" };
      form.physicians = [{ name: "Dr. Quinn Testperson", credentials: "MD", role: "" }];
    });
    expect(text.startsWith(TODAY.trimEnd())).toBe(true);
    expect(parseClinicFacts(text)).toMatchObject({
      address: { street: "12 Birch Road", postalCode: "07201" },
      physicians: [{ name: "Dr. Quinn Testperson", credentials: "MD" }],
    });
  });

  it("removes a fact left empty, and a physician taken off the list", () => {
    const text = saved(FILLED, (form) => {
      form.physicians = form.physicians.slice(0, 1);
      form.physicians[0]!.role = "";
    });
    const facts = parseClinicFacts(text);
    expect(facts.physicians).toEqual([{ name: "Dr. Quinn Testperson", credentials: "MD" }]);
    expect(text).toContain("# Who reviews medical pages.");
  });

  it("refuses the examples from the file's instructions, and what the schema refuses, at the field", () => {
    const result = updateClinicYaml(
      FILLED,
      (() => {
        const form = clinicFactsFormValues(FILLED);
        form.physicians[0]!.name = "Dr. Example Name";
        form.phone = "501.555.0123";
        form.name = "N".repeat(61);
        form.hours[0]!.opens = "8 am";
        return form;
      })(),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors["physicians.0.name"]).toMatch(/is "Dr. Example Name", an example, not the clinic's/);
    expect(result.errors.phone).toMatch(/555-01xx number/);
    expect(result.errors.name).toBe("must be at most 60 characters (it has 61)");
    expect(result.errors["hours.0.opens"]).toMatch(/HH:MM/);
  });

  it("gives each text field the schema's limits", () => {
    const limits = clinicFactsFieldLimits();
    expect(limits.name).toEqual({ minLength: 2, maxLength: 60 });
    expect(limits["address.street"]).toEqual({ minLength: 3, maxLength: 100 });
    expect(limits["physicians.credentials"]).toEqual({ minLength: 1, maxLength: 40 });
  });

  it("reads the posted form, leaving out rows left blank", () => {
    const data = new FormData();
    for (const [name, value] of [
      ["name", "Test Spine Clinic"],
      ["phone", "501.224.4001"],
      ["address.street", ""],
      ["hours.0.days", "Monday"],
      ["hours.0.days", "Friday"],
      ["hours.0.opens", "08:00"],
      ["hours.0.closes", "12:00"],
      ["hours.1.opens", ""],
      ["physicians.0.name", "Dr. Quinn Testperson"],
      ["physicians.1.name", " "],
    ] as const)
      data.append(name, value);
    expect(clinicFactsFormFromData(data)).toEqual({
      name: "Test Spine Clinic",
      phone: "501.224.4001",
      address: { street: "", city: "", region: "", postalCode: "" },
      hours: [{ days: ["Monday", "Friday"], opens: "08:00", closes: "12:00" }],
      physicians: [{ name: "Dr. Quinn Testperson", credentials: "", role: "" }],
      email: "",
      notices: { privacyPractices: "", civilRightsContact: { name: "", phone: "", email: "", address: "" }, languageTaglines: "" },
      medicareStudy: "",
      callBack: { withinBusinessDays: "", from: "" },
      callTimes: [],
    });
  });

  it("shows the facts only the clinic can give before launch as written", () => {
    const form = clinicFactsFormValues(LAUNCH_FACTS);
    expect(form.email).toBe("frontdesk@testspine.org");
    expect(form.notices).toEqual({
      privacyPractices: "/documents/notice-of-privacy-practices.pdf",
      civilRightsContact: { name: "Sam Testperson", phone: "501.224.4005", email: "", address: "" },
      languageTaglines: "language-taglines.yaml",
    });
    expect(form.medicareStudy).toBe("takes-part");
    expect(form.callBack).toEqual({ withinBusinessDays: "2", from: "501.224.4001" });
    expect(form.callTimes).toEqual(["morning", "afternoon"]);
    expect(clinicFactsFormValues(TODAY)).toMatchObject({ email: "", medicareStudy: "", callBack: { withinBusinessDays: "", from: "" }, callTimes: [] });
  });

  it("adds the notices, the Medicare answer, the call-back and the call times below the rest, and the build reads them", () => {
    const text = saved(TODAY, (form) => {
      form.email = "frontdesk@testspine.org";
      form.notices.privacyPractices = "/documents/notice-of-privacy-practices.pdf";
      form.notices.civilRightsContact.name = "Sam Testperson";
      form.medicareStudy = "does-not-take-part";
      form.callBack = { withinBusinessDays: "1", from: "501.224.4001" };
      form.callTimes = ["morning", "evening"];
    });
    expect(text.startsWith(TODAY.trimEnd())).toBe(true);
    expect(text.slice(TODAY.trimEnd().length)).toBe(
      "\nemail: frontdesk@testspine.org\nnotices:\n  privacyPractices: /documents/notice-of-privacy-practices.pdf\n  civilRightsContact:\n    name: Sam Testperson\n" +
        "medicareStudy: does-not-take-part\ncallBack:\n  withinBusinessDays: 1\n  from: 501.224.4001\ncallTimes: [morning, evening]\n",
    );
    expect(parseClinicFacts(text)).toMatchObject({
      email: "frontdesk@testspine.org",
      notices: { privacyPractices: "/documents/notice-of-privacy-practices.pdf", civilRightsContact: { name: "Sam Testperson" } },
      medicareStudy: "does-not-take-part",
      callBack: { withinBusinessDays: 1, from: { display: "501.224.4001" } },
      callTimes: ["morning", "evening"],
    });
  });

  it("changes only the lines of the new facts that changed, keeping comments", () => {
    expect(changedLines(LAUNCH_FACTS, saved(LAUNCH_FACTS, (form) => void (form.callBack.withinBusinessDays = "3")))).toEqual([
      [13, "  withinBusinessDays: 2 # business days", "  withinBusinessDays: 3 # business days"],
    ]);
    expect(changedLines(LAUNCH_FACTS, saved(LAUNCH_FACTS, (form) => void (form.notices.civilRightsContact.phone = "501.224.4006")))).toEqual([
      [8, "    phone: 501.224.4005", "    phone: 501.224.4006"],
    ]);
    expect(changedLines(LAUNCH_FACTS, saved(LAUNCH_FACTS, (form) => void (form.callTimes = ["afternoon"])))).toEqual([[15, "callTimes: [morning, afternoon]", "callTimes: [afternoon]"]]);
    expect(changedLines(LAUNCH_FACTS, saved(LAUNCH_FACTS, (form) => void (form.medicareStudy = "does-not-take-part")))).toEqual([
      [10, "medicareStudy: takes-part", "medicareStudy: does-not-take-part"],
    ]);
  });

  it('removes the Medicare answer when it is "not known yet", and a notice emptied, keeping the comments', () => {
    const text = saved(LAUNCH_FACTS, (form) => {
      form.medicareStudy = "";
      form.notices.civilRightsContact = { name: "", phone: "", email: "", address: "" };
    });
    expect(parseClinicFacts(text).medicareStudy).toBeUndefined();
    expect(parseClinicFacts(text).notices?.civilRightsContact).toBeUndefined();
    expect(text).toContain("# What the confirmation promises.");
  });

  it("refuses what the schema refuses in the new facts, at the field", () => {
    const form = clinicFactsFormValues(LAUNCH_FACTS);
    form.callBack.withinBusinessDays = "two";
    form.callBack.from = "501.555.0199";
    form.notices.privacyPractices = "notice.pdf";
    form.notices.civilRightsContact.email = "civil rights office";
    form.medicareStudy = "maybe";
    form.callTimes = ["night"];
    const result = updateClinicYaml(LAUNCH_FACTS, form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toMatchObject({
      "callBack.withinBusinessDays": "must be a whole number of business days, e.g. 1",
      "callBack.from": expect.stringMatching(/555-01xx number/),
      "notices.privacyPractices": expect.stringMatching(/^must start with \//),
      "notices.civilRightsContact.email": expect.stringMatching(/must be an email address/),
      medicareStudy: 'must be "takes-part" or "does-not-take-part"',
      "callTimes.0": "must be among: morning, afternoon, evening",
    });
    // Examples are judged once every field is well formed, as the build judges them.
    const example = clinicFactsFormValues(LAUNCH_FACTS);
    example.email = "help@example.com";
    const refused = updateClinicYaml(LAUNCH_FACTS, example);
    expect(refused.ok ? {} : refused.errors).toEqual({ email: expect.stringMatching(/is "help@example.com", an example, not the clinic's/) });
  });

  it("reads the new facts from the posted form: radio, checkboxes and the contact's fields", () => {
    const data = new FormData();
    for (const [name, value] of [
      ["name", "Test Spine Clinic"],
      ["phone", "501.224.4001"],
      ["email", " frontdesk@testspine.org "],
      ["notices.civilRightsContact.name", "Sam Testperson"],
      ["notices.languageTaglines", "language-taglines.yaml"],
      ["medicareStudy", ""],
      ["callBack.withinBusinessDays", "1"],
      ["callBack.from", "501.224.4001"],
      ["callTimes", "morning"],
      ["callTimes", "evening"],
    ] as const)
      data.append(name, value);
    expect(clinicFactsFormFromData(data)).toMatchObject({
      email: "frontdesk@testspine.org",
      notices: { privacyPractices: "", civilRightsContact: { name: "Sam Testperson", phone: "", email: "", address: "" }, languageTaglines: "language-taglines.yaml" },
      medicareStudy: "",
      callBack: { withinBusinessDays: "1", from: "501.224.4001" },
      callTimes: ["morning", "evening"],
    });
  });

  it("gives the civil-rights contact's text fields the schema's limits", () => {
    const limits = clinicFactsFieldLimits();
    expect(limits["notices.civilRightsContact.name"]).toEqual({ minLength: 3, maxLength: 100 });
    expect(limits["notices.civilRightsContact.address"]).toEqual({ minLength: 1, maxLength: 200 });
  });
});
