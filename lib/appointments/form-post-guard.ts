/**
 * Posts to the patients' side that Next must never see, answered before it does with a page that gives the
 * clinic's phone number: Next would answer each with a bare "Internal Server Error" or a line of plain text.
 * The form's posts: too large, from another website, or not shaped as the form sends them. Any other page's:
 * none of them takes a post, and Next would pass a server action sent there on to the page that hosts it.
 */
import { getClinic } from "@/lib/site";
import { isSameOriginPost } from "@/lib/security/same-origin";
import { serverActionPostProblem } from "@/lib/security/server-action-post";
import { colors } from "@/tailwind.config";

export type FormPostRefusal = { status: 400 | 403 | 405 | 413; heading: string; message: string };

const NOT_ACCEPTED = "We could not accept this form";

/** Why a post must be refused, or undefined to let it through to the form's server action. */
export async function refuseFormPost(
  request: Request,
  { toFormPage, siteUrl }: { toFormPage: boolean; siteUrl: string },
): Promise<FormPostRefusal | undefined> {
  if (!toFormPage) {
    // Only the form's page takes a post. Next would answer the form's fields with plain text, and a script's
    // call to an action hosted elsewhere (the staff inbox's) it would pass on to that page itself.
    return { status: 405, heading: NOT_ACCEPTED, message: "It was sent to a page that does not take forms. Nothing was saved." };
  }
  const { headers } = request;
  // The same test as Next's own check of server actions: a browser names the page's origin, which must be ours.
  const origin = headers.get("origin");
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  // "null": the browser would not say which page sent the form (a privacy setting, or a `no-referrer` policy
  // added by a proxy). Next refuses it too, with a bare 500; here the patient at least gets the number.
  if (origin === "null") {
    return {
      status: 403,
      heading: NOT_ACCEPTED,
      message: "Your browser did not say which website the form came from, so we could not accept it. Nothing was saved.",
    };
  }
  if (origin && host && originHost(origin) !== host.split(",")[0]!.trim()) {
    return { status: 403, heading: NOT_ACCEPTED, message: "It was sent from another website, so we did not accept it. Nothing was saved." };
  }
  // A call from the page's own script passes the inbox's test too (fetch always names the page). One that does
  // not came from no page of ours, and Next would pass a call to another page's action (the staff inbox's) on
  // to that page, which refuses it in a way Next's forwarding turns into an uncaught exception.
  if (headers.has("next-action") && !isSameOriginPost(headers, siteUrl)) {
    return { status: 403, heading: NOT_ACCEPTED, message: "It did not come from the form's own page, so we did not accept it. Nothing was saved." };
  }
  const problem = await serverActionPostProblem(request);
  if (problem === "too-large") {
    return {
      status: 413,
      heading: "Your request was too long to send",
      message: "The form holds a few short answers, and this was much more. Nothing was saved.",
    };
  }
  if (problem === "malformed") {
    return {
      status: 400,
      heading: "We could not read your request",
      message: "What your browser sent was not in the form's usual shape, so we could not read it. Nothing was saved.",
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
