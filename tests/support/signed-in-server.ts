/**
 * A staff member signed in to the server the way the staff pages' tests run it: a fresh SQLite store as the
 * server's staff context, one account, and the Cookie header their browser sends (put where the test's mocked
 * `next/headers` reads it). The account may edit pages unless `grant` says otherwise (`{ edit: false }`: a front
 * desk account). Log lines are kept out of the test's output.
 */
import { setLogDestination } from "@/lib/log";
import type { StaffAbilityGrant } from "@/lib/appointments/store";
import type { StaffContext } from "@/lib/staff/context";
import { signedInStaff, TEST_SITE_URL, testStaffContext } from "./staff";
import { openTestSqliteStore, type Cleanups } from "./test-stores";

const staffGlobal = globalThis as typeof globalThis & { __staffContext?: Promise<StaffContext> };

export async function signInOnServer(
  cleanups: Cleanups,
  request: { headers: Headers },
  person = { name: "Eda Editor", email: "eda@clinic.example" },
  grant: Partial<Omit<StaffAbilityGrant, "userId">> = {},
): Promise<{ context: StaffContext; id: string }> {
  setLogDestination({ write: () => undefined });
  cleanups.push(() => setLogDestination(undefined));
  const context = testStaffContext(await openTestSqliteStore(cleanups));
  staffGlobal.__staffContext = Promise.resolve(context);
  cleanups.push(() => void (staffGlobal.__staffContext = undefined));
  const signedIn = await signedInStaff(context, person);
  await context.store.setStaffAbilities({ userId: signedIn.id, edit: true, review: false, physician: null, ...grant }, new Date().toISOString());
  request.headers = new Headers({ cookie: signedIn.cookie, "sec-fetch-site": "same-origin", origin: TEST_SITE_URL });
  return { context, id: signedIn.id };
}
