/**
 * Posts to the staff inbox refused before Next or any action sees them, each with a line the person who sent it
 * can act on (plain text: only staff, or a script, ever posts here). Next would answer a body it cannot read or
 * one over its limit with a bare 500.
 */
import { STATUS_NOTE_MAX_LENGTH } from "@/lib/appointments/store";
import { isSameOriginPost } from "@/lib/security/same-origin";
import { isServerActionPost, serverActionPostProblem } from "@/lib/security/server-action-post";
import { PICTURE_TOO_LARGE, UPLOAD_POST_MAX_BYTES } from "@/lib/publishing/picture-upload-form";
import { isPagePicturesPath } from "./paths";

export type StaffPostRefusal = { status: 400 | 403 | 413; message: string };

/** Why a post to the inbox must be refused, or undefined to let it through. */
export async function refuseStaffPost(request: Request, siteUrl: string): Promise<StaffPostRefusal | undefined> {
  // Next's own check of server actions lets a post with no Origin through; a browser always sends one.
  if (!isSameOriginPost(request.headers, siteUrl)) return { status: 403, message: "Refused: this form can only be sent from the staff inbox's own pages." };
  // The editor's picture upload is a route handler's multipart post, up to a picture's size: it counts what
  // arrives itself (a chunked post declares no length), so only a declared length over the limit is refused here.
  if (isPagePicturesPath(new URL(request.url).pathname) && !request.headers.has("next-action")) {
    const declared = request.headers.get("content-length");
    return declared !== null && Number(declared) > UPLOAD_POST_MAX_BYTES ? { status: 413, message: PICTURE_TOO_LARGE } : undefined;
  }
  // The CSV downloads are route handlers: they read their own (URL-encoded) posts, which Next never decodes.
  if (!isServerActionPost(request.headers)) return undefined;
  const problem = await serverActionPostProblem(request);
  if (problem === "too-large") {
    return {
      status: 413,
      message: `Not saved: this is longer than any form of the staff inbox takes. A note holds up to ${STATUS_NOTE_MAX_LENGTH.toLocaleString("en-US")} characters: go back, shorten it, and save again.`,
    };
  }
  if (problem === "malformed") {
    return { status: 400, message: "Not saved: this was not sent the way the staff inbox's pages send a form. Go back, reload the page, and try again." };
  }
  return undefined;
}
