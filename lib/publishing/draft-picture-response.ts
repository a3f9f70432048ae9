/**
 * The bytes of a picture uploaded with a draft, as the preview's <img> asks for them
 * (app/staff/pages/[slug]/pictures/[name]): its type from its name, which lib/publishing/pictures.ts gave it from
 * the bytes themselves; never cached (it is a draft's, and staff-only); never sniffed into anything else.
 */
import { publishing } from "./adapters";
import { pageFileOfSlug } from "./preview";
import type { PublishingActor } from "./rules";

const PICTURE_TYPES: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", webp: "image/webp" };

const PRIVATE = { "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" };

export async function draftPictureResponse(slug: string, fileName: string, staff: PublishingActor): Promise<Response> {
  const notFound = () => new Response("No such picture in this page's draft.", { status: 404, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
  const file = pageFileOfSlug(slug);
  const type = PICTURE_TYPES[fileName.slice(fileName.lastIndexOf(".") + 1)];
  if (file === undefined || type === undefined) return notFound();
  const found = await publishing();
  if ("unavailable" in found) return new Response(found.unavailable, { status: 503, headers: { ...PRIVATE, "Content-Type": "text/plain; charset=utf-8" } });
  const picture = await found.service.draftPicture(file, fileName, staff);
  if (!picture) return notFound();
  return new Response(new Uint8Array(picture.content), { headers: { ...PRIVATE, "Content-Type": type, "Content-Length": String(picture.content.length) } });
}
