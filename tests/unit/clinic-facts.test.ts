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
    });
  });
});
