/** The form's check is fetched on first use; when it cannot be fetched, the server's check must take over. */
import { afterEach, describe, expect, it, vi } from "vitest";
import { ALL_BEST_TIMES } from "@/lib/appointments/fields";

const resolverOptions = { fields: {}, shouldUseNativeValidation: false } as const;
const EMPTY_FORM = { fullName: "", phone: "", email: "", bestTime: undefined, reason: "", acknowledged: false };

afterEach(() => {
  vi.doUnmock("@/components/appointment/appointment-resolver");
  vi.resetModules();
});

describe("lazyAppointmentResolverFor", () => {
  it("loads the shared schema and reports each problem with the patient's message", async () => {
    const { lazyAppointmentResolverFor } = await import("@/components/appointment/lazy-resolver");
    const result = await lazyAppointmentResolverFor(ALL_BEST_TIMES)(EMPTY_FORM as never, undefined, resolverOptions as never);
    expect(result.errors.fullName?.message).toBe("Please enter your full name");
    expect(result.errors.acknowledged?.message).toBe("Please check this box to confirm you have read the notice");
  });

  it("lets the request go to the server, which checks it, when the check cannot be loaded", async () => {
    vi.doMock("@/components/appointment/appointment-resolver", () => {
      throw new Error("network down");
    });
    const { lazyAppointmentResolverFor } = await import("@/components/appointment/lazy-resolver");
    const result = await lazyAppointmentResolverFor(ALL_BEST_TIMES)(EMPTY_FORM as never, undefined, resolverOptions as never);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual(EMPTY_FORM);
  });

  it("refuses, as the server does, a call time the clinic does not offer", async () => {
    const { lazyAppointmentResolverFor } = await import("@/components/appointment/lazy-resolver");
    const chosen = { ...EMPTY_FORM, fullName: "Jane Doe", phone: "501 555 0123", bestTime: "evening", acknowledged: true };
    const result = await lazyAppointmentResolverFor(["morning", "afternoon", "any"])(chosen as never, undefined, resolverOptions as never);
    expect(result.errors.bestTime?.message).toBe('"Evening" is not a time we call. Please choose Morning, Afternoon or Any time');
    expect(Object.keys(result.errors)).toEqual(["bestTime"]);
  });
});
