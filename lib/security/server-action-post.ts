/**
 * What a post to one of our server actions looks like when our own pages send it, checked in proxy.ts before
 * Next decodes it. Next answers a body its decoder cannot read (a broken multipart body, arguments that are not
 * React's encoding, a field name longer than its parser takes) with a bare 500, or with plain text, before any
 * code of ours runs: no page with the clinic's number, and nothing a person could act on.
 *
 * The reference is React's own encoding (react-server-dom-webpack: `encodeReply` in the browser, `decodeReply`
 * and `decodeAction` on the server). Our actions are all form actions: they take a form's fields and, with
 * `useActionState`, the previous state as plain JSON. Anything richer (promises, maps, server or temporary
 * references, streams) is never sent by our pages, so it is refused rather than handed to the decoder.
 */

/** Next's limit for a server action's body (`serverActions.bodySizeLimit` in next.config.ts): our forms send a few short fields. */
export const SERVER_ACTION_BODY_LIMIT_BYTES = 64 * 1024;

/** Longer than any field name of ours or of React's (`$ACTION_REF_1`, `_1_acknowledged`); Next's parser chokes on very long ones. */
const MAX_FIELD_NAME_LENGTH = 100;

/** Deeper than any previous state of ours: bounds the walk below and React's own. */
const MAX_STATE_DEPTH = 8;

export type ActionPostProblem = "too-large" | "malformed";

/**
 * Whether Next would take this POST to a page for a server action: a script's call names the action in a header;
 * a form sent without JavaScript is any multipart post (Next tries to decode each one; it leaves URL-encoded
 * posts alone, and never decodes a post to a route handler).
 */
export function isServerActionPost(headers: Headers): boolean {
  return headers.has("next-action") || isMultipart(headers);
}

function isMultipart(headers: Headers): boolean {
  return /^multipart\/form-data\b/i.test(headers.get("content-type") ?? "");
}

/**
 * Why Next must not see this server action post, or undefined when it is shaped as our pages send it. Reads the
 * body (from a clone), unless its declared length is already over the limit.
 */
export async function serverActionPostProblem(request: Request): Promise<ActionPostProblem | undefined> {
  const declaredLength = request.headers.get("content-length");
  if (declaredLength !== null && Number(declaredLength) > SERVER_ACTION_BODY_LIMIT_BYTES) return "too-large";
  // Every form of ours posts multipart (React sets it on a form with an action, and its script sends FormData).
  if (!isMultipart(request.headers)) return "malformed";
  let body: ArrayBuffer;
  try {
    body = await request.clone().arrayBuffer();
  } catch {
    return "malformed";
  }
  // A chunked upload declares no length: count it.
  if (body.byteLength > SERVER_ACTION_BODY_LIMIT_BYTES) return "too-large";
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": request.headers.get("content-type")! } }).formData();
  } catch {
    return "malformed";
  }
  const wellFormed = request.headers.has("next-action") ? isScriptActionCall(form) : isFormActionPost(form);
  return wellFormed ? undefined : "malformed";
}

/** Plain JSON as React decodes it: a string starting with "$" is a reference, except "$$…" (a "$" escaped) and "$undefined". */
function isPlainValue(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return !value.startsWith("$") || value.startsWith("$$") || value === "$undefined";
  if (value === null || typeof value !== "object") return true;
  return depth < MAX_STATE_DEPTH && Object.values(value).every((item) => isPlainValue(item, depth + 1));
}

function parseJson(text: FormDataEntryValue | undefined): unknown {
  if (typeof text !== "string") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function hasOnlyShortNames(names: Iterable<string>): boolean {
  for (const name of names) if (name.length > MAX_FIELD_NAME_LENGTH) return false;
  return true;
}

/**
 * A call from the page's script (`Next-Action` header): part "0" holds the arguments, the previous state as plain
 * JSON (with `useActionState`) and then "$K<id>", the form, whose fields are sent as "_<id>_<name>".
 */
function isScriptActionCall(form: FormData): boolean {
  const roots = form.getAll("0");
  const args = parseJson(roots.length === 1 ? roots[0] : undefined);
  if (!Array.isArray(args) || args.length === 0 || args.length > 2) return false;
  const last: unknown = args.at(-1);
  const formId = typeof last === "string" ? /^\$K([0-9a-f]+)$/.exec(last)?.[1] : undefined;
  if (formId === undefined || !args.slice(0, -1).every((arg) => isPlainValue(arg))) return false;
  const names = [...form.keys()].filter((name) => name !== "0");
  return hasOnlyShortNames(names) && names.every((name) => name.startsWith(`_${formId}_`));
}

/**
 * A form sent without JavaScript: React names the action in hidden fields, either `$ACTION_ID_<id>` (an action
 * with no bound arguments) or `$ACTION_REF_<n>` with `$ACTION_<n>:0` ({"id", "bound": "$@1"}) and
 * `$ACTION_<n>:1` (the bound argument: the previous state), and `$ACTION_KEY` for the form's state.
 */
function isFormActionPost(form: FormData): boolean {
  const names = [...form.keys()];
  if (!hasOnlyShortNames(names)) return false;
  const actionNames = names.filter((name) => name.startsWith("$ACTION_"));
  const byId = actionNames.filter((name) => /^\$ACTION_ID_[0-9a-f]+$/.test(name));
  const byReference = actionNames.filter((name) => /^\$ACTION_REF_\d+$/.test(name));
  if (byId.length + byReference.length !== 1) return false;
  const expected = new Set([...byId, ...byReference, "$ACTION_KEY"]);
  if (byReference.length === 1) {
    const prefix = `$ACTION_${byReference[0]!.slice("$ACTION_REF_".length)}:`;
    const descriptor = parseJson(form.get(`${prefix}0`) ?? undefined) as { id?: unknown; bound?: unknown } | undefined;
    if (typeof descriptor !== "object" || descriptor === null || typeof descriptor.id !== "string") return false;
    expected.add(`${prefix}0`);
    if (descriptor.bound === "$@1") {
      const bound = parseJson(form.get(`${prefix}1`) ?? undefined);
      if (!Array.isArray(bound) || bound.length > 1 || !isPlainValue(bound)) return false;
      expected.add(`${prefix}1`);
    } else if (descriptor.bound !== null) {
      return false;
    }
  }
  // Each hidden field once, and nothing else of React's.
  return actionNames.every((name) => expected.has(name)) && actionNames.length === new Set(actionNames).size;
}

/**
 * A form action's form, as the action must read it: anyone can call an action with any arguments, and proxy.ts
 * checks their kind but cannot know how many each action takes, so a call without a form reads as an empty one.
 */
export function formArgument(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}
