/**
 * Posts to the appointment form that the server action must never see, answered before it does: Next would
 * answer both with a bare "Internal Server Error" that leaves a patient without the clinic's phone number.
 */
import { getClinic } from "@/lib/site";
import { colors } from "@/tailwind.config";

/** Matches `serverActions.bodySizeLimit` in next.config.ts: the form sends a few short fields. */
export const FORM_BODY_LIMIT_BYTES = 64 * 1024;

export type FormPostRefusal = { status: 413 | 403; heading: string; message: string };

/**
 * Why a post must be refused, or undefined to let it through. `bodyBytes` is read only when the sender did not
 * say how long the body is (a chunked upload).
 */
export async function refuseFormPost(headers: Headers, bodyBytes: () => Promise<number>): Promise<FormPostRefusal | undefined> {
  // The same test as Next's own check of server actions: a browser names the page's origin, which must be ours.
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  // "null": the browser would not say which page sent the form (a privacy setting, or a `no-referrer` policy
  // added by a proxy). Next refuses it too, with a bare 500; here the patient at least gets the number.
  if (origin === "null") {
    return {
      status: 403,
      heading: "We could not accept this form",
      message: "Your browser did not say which website the form came from, so we could not accept it. Nothing was saved.",
    };
  }
  if (origin && host && originHost(origin) !== host.split(",")[0]!.trim()) {
    return {
      status: 403,
      heading: "We could not accept this form",
      message: "It was sent from another website, so we did not accept it. Nothing was saved.",
    };
  }
  const declaredLength = headers.get("content-length");
  const length = declaredLength === null ? await bodyBytes() : Number(declaredLength);
  if (length > FORM_BODY_LIMIT_BYTES) {
    return {
      status: 413,
      heading: "Your request was too long to send",
      message: "The form holds a few short answers, and this was much more. Nothing was saved.",
    };
  }
  return undefined;
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** A small page with the clinic's phone number: the patient's next step is a call. */
export function refusalPage({ heading, message }: FormPostRefusal): string {
  const { name, phone } = getClinic();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(heading)} | ${escapeHtml(name)}</title>
<style>body{font:1.125rem/1.6 system-ui,sans-serif;color:${colors.ink.DEFAULT};max-width:40rem;margin:0 auto;padding:1.5rem}a{color:${colors.brand[800]}}.call{display:inline-block;margin:.5rem 0;padding:.75rem 1.25rem;background:${colors.brand[800]};color:#fff;font-weight:700;border-radius:.5rem;text-decoration:none}</style>
</head>
<body>
<main>
<h1>${escapeHtml(heading)}</h1>
<p>${escapeHtml(message)}</p>
<p>Please call us to ask for an appointment:</p>
<p><a class="call" href="${escapeHtml(phone.href)}">Call ${escapeHtml(phone.display)}</a></p>
<p><a href="/request-appointment">Back to the appointment form</a> · <a href="/">${escapeHtml(name)} home page</a></p>
</main>
</body>
</html>
`;
}
