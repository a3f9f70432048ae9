import { describe, expect, it } from "vitest";
import { formArgument, isServerActionPost, serverActionPostProblem } from "@/lib/security/server-action-post";

const ACTION_ID = "60416ef38ef97f7be6f1e560d5daeb358f13cc0f6f";

function formOf(fields: [string, string | Blob][]): FormData {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  return form;
}

const problemOf = (fields: [string, string | Blob][], headers: Record<string, string> = {}) =>
  serverActionPostProblem(new Request("https://clinic.example/request-appointment", { method: "POST", headers, body: formOf(fields) }));
const scriptCall = (fields: [string, string | Blob][]) => problemOf(fields, { "next-action": ACTION_ID });

/** What React renders into a form for an action with a previous state, as a browser without JavaScript sends it. */
const HIDDEN: [string, string][] = [
  ["$ACTION_REF_1", ""],
  ["$ACTION_1:0", `{"id":"${ACTION_ID}","bound":"$@1"}`],
  ["$ACTION_1:1", '[{"status":"idle"}]'],
  ["$ACTION_KEY", "k690f204ab9738868e05b3cf3e1c4157e"],
];
const ANSWERS: [string, string][] = [
  ["fullName", "$Ana Ruiz"],
  ["phone", "501 555 0142"],
  ["acknowledged", "on"],
];
/** The same form sent by React's script (as captured from Chromium): its fields, hidden ones too, under "_1_". */
const inScript = (fields: [string, string | Blob][]): [string, string | Blob][] => fields.map(([name, value]) => [`_1_${name}`, value]);

describe("which posts to a server action reach Next's decoder", () => {
  it("lets through every post our pages send: the form without JavaScript, its script's calls, a plain form action", async () => {
    expect(await problemOf([...HIDDEN, ...ANSWERS])).toBeUndefined();
    expect(await scriptCall([...inScript([...HIDDEN, ...ANSWERS]), ["0", '[{"status":"idle"},"$K1"]']])).toBeUndefined();
    // Sent again after an error: the previous state holds what was typed, a leading "$" escaped as React does.
    const previous = '{"status":"invalid","fieldErrors":{"phone":"Please enter a 10-digit phone number"},"values":{"fullName":"$$Ana","email":"$undefined"}}';
    expect(await scriptCall([...inScript(ANSWERS), ["0", `[${previous},"$K1"]`]])).toBeUndefined();
    // The inbox's sign-out: an action with no previous state.
    expect(await problemOf([[`$ACTION_ID_40c31bfa9776ec92c50dc039ff6b31df58c6ab2cf1`, ""], ["everywhere", "yes"]])).toBeUndefined();
    expect(await scriptCall([["_1_everywhere", "yes"], ["0", '["$K1"]']])).toBeUndefined();
  });

  it("refuses arguments React's decoder would choke on or that no page of ours sends", async () => {
    for (const args of ["[", '"$T"', '["$Q1"]', '["$F1"]', '[{"status":"idle"},"$@5"]', "[]", '[{},{},"$K1"]', '[{"a":"$h1"},"$K1"]', '[{},"$K2"]', "{}"]) {
      expect(await scriptCall([...inScript(ANSWERS), ["0", args]]), args).toBe("malformed");
    }
    expect(await scriptCall(inScript(ANSWERS)), "no arguments at all").toBe("malformed");
    expect(await scriptCall([...inScript(ANSWERS), ["0", '[{},"$K1"]'], ["0", '[{},"$K1"]']]), "two roots").toBe("malformed");
    expect(await scriptCall([["0", '[{},"$K1"]'], ["1", '"$@2"']]), "a field outside the form").toBe("malformed");
    const deep = `${"[".repeat(50)}${"]".repeat(50)}`;
    expect(await scriptCall([["0", `[${deep},"$K1"]`]]), "a state nested past any of ours").toBe("malformed");
  });

  it("refuses a form without JavaScript whose hidden fields are not React's", async () => {
    const without = (name: string) => HIDDEN.filter(([field]) => field !== name);
    expect(await problemOf([...without("$ACTION_1:0"), ...ANSWERS])).toBe("malformed");
    expect(await problemOf([...without("$ACTION_1:1"), ...ANSWERS])).toBe("malformed");
    expect(await problemOf([...HIDDEN.map(([name, value]): [string, string] => [name, name === "$ACTION_1:1" ? "[" : value]), ...ANSWERS])).toBe("malformed");
    expect(await problemOf([...HIDDEN.map(([name, value]): [string, string] => [name, name === "$ACTION_1:1" ? '["$Q9"]' : value]), ...ANSWERS])).toBe("malformed");
    expect(await problemOf([...HIDDEN, ["$ACTION_REF_2", ""], ...ANSWERS]), "two actions").toBe("malformed");
    expect(await problemOf(ANSWERS), "no action named").toBe("malformed");
    expect(await problemOf([...HIDDEN, ["$ACTION_9:0", "{}"], ...ANSWERS]), "a stray hidden field").toBe("malformed");
  });

  it("refuses a field name longer than any of ours, which Next's parser turns into a 500", async () => {
    expect(await problemOf([...HIDDEN, ...ANSWERS, ["n".repeat(30 * 1024), "x"]])).toBe("malformed");
    expect(await scriptCall([...inScript(ANSWERS), [`_1_${"n".repeat(30 * 1024)}`, "x"], ["0", '[{},"$K1"]']])).toBe("malformed");
  });

  it("refuses a body that is not multipart, or not readable, and one over the limit as too large", async () => {
    const request = (body: string, contentType: string) =>
      serverActionPostProblem(new Request("https://clinic.example/", { method: "POST", headers: { "content-type": contentType, "next-action": ACTION_ID }, body }));
    expect(await request('[{},"$K1"]', "text/plain;charset=UTF-8")).toBe("malformed");
    expect(await request("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end", "multipart/form-data; boundary=x")).toBe("malformed");
    expect(await problemOf([...HIDDEN, ...ANSWERS, ["reason", "x".repeat(65 * 1024)]])).toBe("too-large");
  });

  it("knows which posts Next takes for a server action, and gives an action an empty form for a call without one", () => {
    expect(isServerActionPost(new Headers({ "next-action": ACTION_ID, "content-type": "text/plain" }))).toBe(true);
    expect(isServerActionPost(new Headers({ "content-type": "multipart/form-data; boundary=x" }))).toBe(true);
    expect(isServerActionPost(new Headers({ "content-type": "application/x-www-form-urlencoded" }))).toBe(false);
    const form = formOf([["reference", "MS-ABCDE"]]);
    expect(formArgument(form)).toBe(form);
    expect([...formArgument(undefined).keys()]).toEqual([]);
    expect([...formArgument({ get: () => "forged" }).keys()]).toEqual([]);
  });
});
