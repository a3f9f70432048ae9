import { describe, expect, it } from "vitest";
import { FORM_BODY_LIMIT_BYTES, refuseFormPost } from "@/lib/appointments/form-post-guard";

const noBodyRead = async () => {
  throw new Error("the body must not be read when its length is declared");
};

describe("posts the appointment form refuses before the server action sees them", () => {
  it("lets a post from the site itself through, behind a proxy too", async () => {
    expect(await refuseFormPost(new Headers({ origin: "https://www.example.com", host: "www.example.com", "content-length": "900" }), noBodyRead)).toBeUndefined();
    const proxied = new Headers({ origin: "https://www.example.com", host: "127.0.0.1:3000", "x-forwarded-host": "www.example.com", "content-length": "900" });
    expect(await refuseFormPost(proxied, noBodyRead)).toBeUndefined();
  });

  it("refuses a post from another website, or from a page the browser will not name, with a 403", async () => {
    const foreign = await refuseFormPost(new Headers({ origin: "https://attacker.example", host: "www.example.com" }), noBodyRead);
    expect(foreign).toMatchObject({ status: 403, message: expect.stringContaining("another website") });
    const unnamed = await refuseFormPost(new Headers({ origin: "null", host: "www.example.com" }), noBodyRead);
    expect(unnamed).toMatchObject({ status: 403, message: expect.stringContaining("did not say which website") });
  });

  it("refuses a body over the limit with a 413, whether its length is declared or it arrives in chunks", async () => {
    const declared = new Headers({ origin: "https://www.example.com", host: "www.example.com", "content-length": String(FORM_BODY_LIMIT_BYTES + 1) });
    expect(await refuseFormPost(declared, noBodyRead)).toMatchObject({ status: 413 });
    const chunked = new Headers({ origin: "https://www.example.com", host: "www.example.com" });
    expect(await refuseFormPost(chunked, async () => FORM_BODY_LIMIT_BYTES + 1)).toMatchObject({ status: 413 });
    expect(await refuseFormPost(chunked, async () => FORM_BODY_LIMIT_BYTES)).toBeUndefined();
  });
});
