import { describe, expect, it } from "vitest";
import { abilitiesOf, ABILITIES, can, describeAbilities } from "@/lib/staff/abilities";

describe("staff abilities", () => {
  it("gives admins every ability, and staff only what was granted", () => {
    expect(abilitiesOf("admin", undefined)).toEqual({ abilities: ["edit", "review", "admin"] });
    expect(abilitiesOf("staff", undefined)).toEqual({ abilities: [] });
    expect(abilitiesOf("staff", { edit: true, review: false, physician: null })).toEqual({ abilities: ["edit"] });
    expect(abilitiesOf("staff", { edit: false, review: true, physician: "Dr. Ada Mocek" })).toEqual({ abilities: ["review"], physician: "Dr. Ada Mocek" });
  });

  it("answers can() from the abilities alone", () => {
    const reviewer = abilitiesOf("staff", { edit: false, review: true, physician: "Dr. Ada Mocek" });
    expect([can(reviewer, "edit"), can(reviewer, "review"), can(reviewer, "admin")]).toEqual([false, true, false]);
    const admin = abilitiesOf("admin", undefined);
    expect(Object.keys(ABILITIES).every((ability) => can(admin, ability as keyof typeof ABILITIES))).toBe(true);
  });

  it("names each ability in plain words and describes an account's in a few", () => {
    expect(Object.values(ABILITIES).map((ability) => ability.label)).toEqual(["Edit pages", "Clinical review", "Admin"]);
    expect(describeAbilities({ abilities: [] })).toBe("none");
    expect(describeAbilities({ abilities: ["edit", "review"], physician: "Dr. Ada Mocek" })).toBe("edit, review (Dr. Ada Mocek)");
  });
});
