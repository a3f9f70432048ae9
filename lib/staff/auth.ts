/**
 * The server's staff context: Better Auth on the appointment store's database, with Next's cookie handling (its
 * nextCookies plugin sets the session cookie from server actions). One per process, beside the appointments runtime.
 */
import { nextCookies } from "better-auth/next-js";
import { headers } from "next/headers";
import { getAppointmentsRuntime } from "@/lib/appointments/runtime";
import { clientAddressFromForwardedFor } from "@/lib/client-address";
import { createStaffAuth } from "./auth-config";
import type { StaffContext } from "./context";

const globalStaff = globalThis as typeof globalThis & { __staffContext?: Promise<StaffContext> };

export function getStaffContext(): Promise<StaffContext> {
  globalStaff.__staffContext ??= getAppointmentsRuntime()
    .then(({ env, store, keys }) => ({
      env,
      store,
      keys,
      auth: createStaffAuth(store.authDatabase, { baseURL: env.SITE_URL, secrets: keys.staffAuth }, [nextCookies()]),
    }))
    .catch((error: unknown) => {
      globalStaff.__staffContext = undefined;
      throw error;
    });
  return globalStaff.__staffContext;
}

/** The request's headers and the client's address as the rate limits and the audit log count it. */
export async function requestOrigin(context: StaffContext) {
  const requestHeaders = await headers();
  const forwardedFor = requestHeaders.get("x-forwarded-for");
  return { headers: requestHeaders, clientAddress: clientAddressFromForwardedFor(forwardedFor, context.env.TRUSTED_PROXIES) };
}
