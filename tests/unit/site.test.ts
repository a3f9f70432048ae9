import fs from "node:fs";
import { describe, expect, it } from "vitest";
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
