import { describe, expect, it } from "vitest";
import { buildStaffNotification } from "@/lib/appointments/notification";
import { staffRequestPath } from "@/lib/staff/paths";

/** ICU versions differ in the space before AM/PM (a narrow no-break space in some). */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

describe("the staff notification email (lib/appointments/notification.ts)", () => {
  it("names the request and when it arrived in the clinic's time zone, and links to it in the inbox", () => {
    const { subject, text } = buildStaffNotification(
      { reference: "MS-7K3Q9", createdAt: "2026-11-02T15:04:00.000Z" },
      { siteUrl: "https://clinic.example", timeZone: "America/Chicago" },
    );
    expect(subject).toBe("New appointment request MS-7K3Q9");
    expect(text).toContain("Reference: MS-7K3Q9");
    expect(plainSpaces(text)).toContain("Received: Monday, November 2, 2026 at 9:04 AM CST");
    expect(text).toContain(`  https://clinic.example${staffRequestPath("MS-7K3Q9")}\n`);
  });

  it("shows the time in another clinic's zone when TIME_ZONE says so", () => {
    const { text } = buildStaffNotification(
      { reference: "MS-7K3Q9", createdAt: "2026-07-02T15:04:00.000Z" },
      { siteUrl: "https://clinic.example", timeZone: "America/New_York" },
    );
    expect(plainSpaces(text)).toContain("Received: Thursday, July 2, 2026 at 11:04 AM EDT");
  });
});
