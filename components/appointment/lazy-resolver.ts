import type { Resolver } from "react-hook-form";
import type { BestTime } from "@/lib/appointments/fields";
import type { AppointmentRequest, AppointmentRequestInput } from "@/lib/appointments/schema";

type AppointmentResolver = Resolver<AppointmentRequestInput, unknown, AppointmentRequest>;
type AppointmentResolverModule = typeof import("./appointment-resolver");

let loading: Promise<AppointmentResolverModule> | undefined;

/**
 * Starts loading the schema and its resolver (zod and @hookform/resolvers, about a fifth of the form page's
 * JavaScript), so that the page itself does not wait for them. The form calls this when the patient first
 * focuses a field, long before there is anything to check. A failed load is forgotten, so the next call tries again.
 */
export function preloadAppointmentResolver(): Promise<AppointmentResolverModule> {
  loading ??= import("./appointment-resolver").catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/**
 * The form's resolver for the call times it offers: the shared zod schema, loaded on first use. If it cannot be
 * loaded (the connection dropped), the request goes to the server as typed: the server action checks it with the
 * same schema and sends back the same messages, so nothing is lost and no check is skipped.
 */
export function lazyAppointmentResolverFor(offeredTimes: readonly BestTime[]): AppointmentResolver {
  let resolver: AppointmentResolver | undefined;
  return async (values, context, options) => {
    if (!resolver) {
      try {
        resolver = (await preloadAppointmentResolver()).appointmentResolverFor(offeredTimes) as AppointmentResolver;
      } catch {
        return { values: values as unknown as AppointmentRequest, errors: {} };
      }
    }
    return resolver(values, context, options);
  };
}
