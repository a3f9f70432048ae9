import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIELD_LIMITS, offeredBestTimes } from "@/lib/appointments/fields";
import { appointmentRequestSchema, appointmentRequestSchemaFor, characterCount, fieldErrorsOf } from "@/lib/appointments/schema";
import { parseClinicFacts } from "@/lib/site";

/** Letters mixed with what attackers and odd keyboards send: direction controls, invisible and astral characters. */
const HOSTILE_CHARACTER = fc.oneof(
  fc.constantFrom("a", "Z", " ", "5", "\u00E9", "\u202E", "\u2066", "\u2069", "\u200B", "\uFEFF", "\u{1F600}", "\u0301", "\n"),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
);

const VALID = {
  fullName: "Jane Doe",
  phone: "501-555-0123",
  email: "",
  bestTime: "morning",
  reason: "",
  acknowledged: "on",
};

function errorsFor(fields: Record<string, unknown>) {
  const result = appointmentRequestSchema.safeParse(fields);
  if (result.success) throw new Error("expected the request to be rejected");
  return fieldErrorsOf(result.error);
}

describe("appointmentRequestSchema", () => {
  it("accepts a posted form and normalises it: trimmed, spaces collapsed, phone as +1 and 10 digits", () => {
    const result = appointmentRequestSchema.parse({
      ...VALID,
      fullName: "  Jane \t  Doe ",
      phone: "+1 (501) 555-0123",
      email: " jane@example.com ",
      reason: "  Back pain \r\n when walking  ",
    });
    expect(result).toEqual({
      fullName: "Jane Doe",
      phone: "+15015550123",
      email: "jane@example.com",
      bestTime: "morning",
      reason: "Back pain \n when walking",
      acknowledged: true,
    });
  });

  it("treats empty optional fields as absent, and accepts react-hook-form's boolean checkbox", () => {
    expect(appointmentRequestSchema.parse({ ...VALID, acknowledged: true })).toMatchObject({
      email: undefined,
      reason: undefined,
    });
  });

  it("explains every missing field in plain words", () => {
    expect(errorsFor({})).toEqual({
      fullName: "Please enter your full name",
      phone: "Please enter your phone number",
      bestTime: "Please choose the best time for us to call",
      acknowledged: "Please check this box to confirm you have read the notice",
    });
  });

  it("asks for a 10-digit US number and a real email", () => {
    expect(errorsFor({ ...VALID, phone: "555-0123", email: "jane@" })).toEqual({
      phone: "Please enter a 10-digit phone number, like 501-555-0123",
      email: "Please enter an email address like name@example.com, or leave it empty",
    });
    expect(errorsFor({ ...VALID, phone: "123-456-7890" }).phone).toMatch(/10-digit/);
  });

  it("rejects control characters and text over its limit", () => {
    expect(errorsFor({ ...VALID, fullName: "Jane\u0000Doe" }).fullName).toBe("Please remove unusual characters from your full name");
    expect(errorsFor({ ...VALID, reason: "x".repeat(FIELD_LIMITS.reason + 1) }).reason).toBe(
      "Please keep the reason for your visit to 500 characters or fewer (it has 501)",
    );
  });

  it("rejects text-direction controls, which can make a name display as a phone number", () => {
    // Embeddings, overrides, isolates and marks; deprecated format controls; annotation; tag characters (hidden text).
    for (const control of ["\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200E", "\u200F", "\u061C", "\u206A", "\uFFF9", "\u{E0041}"]) {
      expect(errorsFor({ ...VALID, fullName: `Jane ${control}5550123` }).fullName).toBe("Please remove unusual characters from your full name");
      expect(errorsFor({ ...VALID, reason: `Back pain ${control}` }).reason).toBe(
        "Please remove unusual characters from the reason for your visit",
      );
    }
  });

  it("asks for a name when one is made only of invisible characters", () => {
    for (const invisible of ["\u200B\u200B", "\u200B\u200C\u200D\u2060", "\uFEFF\u00AD\u200B", "\u3164\u3164", "\uFFA0\uFFA0", "\u115F\u1160"]) {
      expect(errorsFor({ ...VALID, fullName: invisible }).fullName).toBe("Please enter your full name");
    }
  });

  it("counts characters as a patient sees them, one rule everywhere: an emoji or accented letter is one", () => {
    const emoji = "\u{1F600}"; // two UTF-16 units, one character
    const atLimit = `Jo ${emoji.repeat(FIELD_LIMITS.fullName - 3)}`;
    expect(appointmentRequestSchema.safeParse({ ...VALID, fullName: atLimit }).success).toBe(true);
    expect(errorsFor({ ...VALID, fullName: `${atLimit}${emoji}` }).fullName).toBe(
      `Please keep your full name to ${FIELD_LIMITS.fullName} characters or fewer (it has ${FIELD_LIMITS.fullName + 1})`,
    );
    // "é" typed as e + combining accent is one character once normalised.
    expect(appointmentRequestSchema.safeParse({ ...VALID, reason: "e\u0301".repeat(FIELD_LIMITS.reason) }).success).toBe(true);
  });

  it("never throws, whatever arrives", () => {
    fc.assert(
      fc.property(
        fc.record({
          fullName: fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constant(undefined), fc.integer()),
          phone: fc.oneof(fc.string(), fc.stringMatching(/^[\d\s().+-]{0,20}$/)),
          email: fc.oneof(fc.string(), fc.emailAddress()),
          bestTime: fc.oneof(fc.string(), fc.constantFrom("morning", "afternoon", "evening", "any")),
          reason: fc.oneof(fc.string({ maxLength: 700 }), fc.string({ unit: "binary", maxLength: 700 })),
          acknowledged: fc.oneof(fc.boolean(), fc.string(), fc.constant("on")),
        }),
        (fields) => {
          expect(() => appointmentRequestSchema.safeParse(fields)).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
    // Hundreds of generated requests: generous time on a busy machine.
  }, 30_000);

  it("only ever accepts values within the limits and free of control characters", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: "binary", maxLength: 150 }), fc.string({ unit: HOSTILE_CHARACTER, maxLength: 150 })),
        fc.stringMatching(/^[\d\s().+-]{0,30}$/),
        fc.oneof(fc.constant(""), fc.emailAddress()),
        fc.oneof(fc.string({ unit: "binary", maxLength: 600 }), fc.string({ unit: HOSTILE_CHARACTER, maxLength: 600 })),
        (fullName, phone, email, reason) => {
          const result = appointmentRequestSchema.safeParse({ ...VALID, fullName, phone, email, reason });
          if (!result.success) return;
          const { data } = result;
          expect(characterCount(data.fullName)).toBeGreaterThanOrEqual(2);
          expect(characterCount(data.fullName)).toBeLessThanOrEqual(FIELD_LIMITS.fullName);
          expect(data.fullName.replace(/\p{Default_Ignorable_Code_Point}/gu, "")).toMatch(/\p{L}/u);
          expect(data.phone).toMatch(/^\+1[2-9]\d{2}[2-9]\d{6}$/);
          expect(characterCount(data.email ?? "")).toBeLessThanOrEqual(FIELD_LIMITS.email);
          expect(characterCount(data.reason ?? "")).toBeLessThanOrEqual(FIELD_LIMITS.reason);
          for (const text of [data.fullName, data.reason ?? ""]) {
            expect(text).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u206F\uFFF9-\uFFFB\u{E0000}-\u{E007F}]/u);
            expect(text).toBe(text.trim());
          }
        },
      ),
      { numRuns: 300 },
    );
    // Hundreds of generated requests: generous time on a busy machine.
  }, 30_000);
});

describe("the call times the clinic offers (callTimes in content/clinic.yaml)", () => {
  const clinicCallingAt = (callTimes: string) => parseClinicFacts(`name: Test Clinic\nphone: 501.224.4001\ncallTimes: ${callTimes}\n`);

  it("are the form's choices, in the form's order, with \"Any time\" when more than one is offered", () => {
    expect(offeredBestTimes(clinicCallingAt("[afternoon, morning]").callTimes)).toEqual(["morning", "afternoon", "any"]);
    expect(offeredBestTimes(clinicCallingAt("[evening]").callTimes)).toEqual(["evening"]);
  });

  it("are every time while the clinic has not said, as today", () => {
    expect(offeredBestTimes(undefined)).toEqual(["morning", "afternoon", "evening", "any"]);
  });

  it("refuse another time with a message at the field that names the times offered", () => {
    const schema = appointmentRequestSchemaFor(offeredBestTimes(clinicCallingAt("[morning, afternoon]").callTimes));
    const refused = schema.safeParse({ ...VALID, bestTime: "evening" });
    expect(refused.success).toBe(false);
    expect(fieldErrorsOf(refused.error!)).toEqual({ bestTime: '"Evening" is not a time we call. Please choose Morning, Afternoon or Any time' });
    expect(schema.safeParse({ ...VALID, bestTime: "any" }).success).toBe(true);
    expect(fieldErrorsOf(schema.safeParse({ ...VALID, bestTime: "midnight" }).error!)).toEqual({ bestTime: "Please choose the best time for us to call" });
  });
});
