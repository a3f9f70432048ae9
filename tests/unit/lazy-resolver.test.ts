/** The form's check is fetched on first use; when it cannot be fetched, the server's check must take over. */
import { afterEach, describe, expect, it, vi } from "vitest";

const resolverOptions = { fields: {}, shouldUseNativeValidation: false } as const;
const EMPTY_FORM = { fullName: "", phone: "", email: "", bestTime: undefined, reason: "", acknowledged: false };

afterEach(() => {
  vi.doUnmock("@/components/appointment/appointment-resolver");
  vi.resetModules();
});

describe("lazyAppointmentResolver", () => {
  it("loads the shared schema and reports each problem with the patient's message", async () => {
    const { lazyAppointmentResolver } = await import("@/components/appointment/lazy-resolver");
    const result = await lazyAppointmentResolver(EMPTY_FORM as never, undefined, resolverOptions as never);
    expect(result.errors.fullName?.message).toBe("Please enter your full name");
    expect(result.errors.acknowledged?.message).toBe("Please check this box to confirm you have read the notice");
  });

  it("lets the request go to the server, which checks it, when the check cannot be loaded", async () => {
    vi.doMock("@/components/appointment/appointment-resolver", () => {
      throw new Error("network down");
    });
    const { lazyAppointmentResolver } = await import("@/components/appointment/lazy-resolver");
    const result = await lazyAppointmentResolver(EMPTY_FORM as never, undefined, resolverOptions as never);
    expect(result.errors).toEqual({});
    expect(result.values).toEqual(EMPTY_FORM);
  });
});
