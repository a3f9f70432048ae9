import { describe, expect, it } from "vitest";
import { refuseFormPost } from "@/lib/appointments/form-post-guard";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "@/lib/security/server-action-post";

const SITE = "https://www.example.com";

/** The form as a browser without JavaScript sends it: React's hidden fields, then the patient's answers. */
function formWithoutScript(answers: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append("$ACTION_REF_1", "");
  form.append("$ACTION_1:0", '{"id":"60416ef38ef97f7be6f1e560d5daeb358f13cc0f6f","bound":"$@1"}');
  form.append("$ACTION_1:1", '[{"status":"idle"}]');
  form.append("$ACTION_KEY", "k690f204ab9738868e05b3cf3e1c4157e");
  for (const [name, value] of Object.entries({ fullName: "Ana Ruiz", phone: "501 555 0142", ...answers })) form.append(name, value);
  return form;
}

function post(headers: Record<string, string>, body: BodyInit = formWithoutScript(), path = "/request-appointment") {
  return new Request(`${SITE}${path}`, { method: "POST", headers, body });
}

const toFormPage = { toFormPage: true, siteUrl: SITE };

describe("posts the appointment form refuses before the server action sees them", () => {
  it("lets a post from the site itself through, behind a proxy too, and one whose browser names no page", async () => {
    expect(await refuseFormPost(post({ origin: SITE, host: "www.example.com" }), toFormPage)).toBeUndefined();
    expect(await refuseFormPost(post({ origin: SITE, host: "127.0.0.1:3000", "x-forwarded-host": "www.example.com" }), toFormPage)).toBeUndefined();
    // Next lets it through too: an older browser sends no Origin with a form.
    expect(await refuseFormPost(post({ host: "www.example.com" }), toFormPage)).toBeUndefined();
  });

  it("refuses a post from another website, or from a page the browser will not name, with a 403", async () => {
    const foreign = await refuseFormPost(post({ origin: "https://attacker.example", host: "www.example.com" }), toFormPage);
    expect(foreign).toMatchObject({ status: 403, message: expect.stringContaining("another website") });
    const unnamed = await refuseFormPost(post({ origin: "null", host: "www.example.com" }), toFormPage);
    expect(unnamed).toMatchObject({ status: 403, message: expect.stringContaining("did not say which website") });
  });

  it("refuses a script's call to the action that names no page of this site: Next would pass it on to another page's action", async () => {
    const call = new FormData();
    call.append("0", '[{"status":"idle"},"$K1"]');
    call.append("_1_fullName", "Ana Ruiz");
    const refused = await refuseFormPost(post({ host: "www.example.com", "next-action": "60416ef38ef97f7be6f1e560d5daeb358f13cc0f6f" }, call), toFormPage);
    expect(refused).toMatchObject({ status: 403 });
    const fromThePage = post({ origin: SITE, host: "www.example.com", "next-action": "60416ef38ef97f7be6f1e560d5daeb358f13cc0f6f" }, call);
    expect(await refuseFormPost(fromThePage, toFormPage)).toBeUndefined();
  });

  it("refuses a body over the limit with a 413, whether its length is declared or it arrives in chunks", async () => {
    const declared = post({ origin: SITE, host: "www.example.com", "content-length": String(SERVER_ACTION_BODY_LIMIT_BYTES + 1) });
    expect(await refuseFormPost(declared, toFormPage)).toMatchObject({ status: 413 });
    const chunked = post({ origin: SITE, host: "www.example.com" }, formWithoutScript({ reason: "x".repeat(SERVER_ACTION_BODY_LIMIT_BYTES) }));
    expect(await refuseFormPost(chunked, toFormPage)).toMatchObject({ status: 413 });
  });

  it("refuses a body Next could not read with a 400 that says nothing was saved", async () => {
    const broken = post({ origin: SITE, host: "www.example.com", "content-type": "multipart/form-data; boundary=x" }, "--x\r\nno end");
    expect(await refuseFormPost(broken, toFormPage)).toMatchObject({ status: 400, message: expect.stringContaining("Nothing was saved") });
    const urlEncoded = post({ origin: SITE, host: "www.example.com" }, new URLSearchParams({ fullName: "Ana Ruiz" }));
    expect(await refuseFormPost(urlEncoded, toFormPage)).toMatchObject({ status: 400 });
  });

  it("refuses any post to another page with a 405: only the form's page takes one", async () => {
    for (const path of ["/", "/mild-procedure", "/no-such-page"]) {
      expect(await refuseFormPost(post({ origin: SITE, host: "www.example.com" }, formWithoutScript(), path), { toFormPage: false, siteUrl: SITE })).toMatchObject({ status: 405 });
    }
  });
});
