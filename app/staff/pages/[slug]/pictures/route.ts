import { publishing } from "@/lib/publishing/adapters";
import { savePicture } from "@/lib/publishing/pictures";
import { pageFileOfSlug } from "@/lib/publishing/preview";
import { PublishingRefusal } from "@/lib/publishing/service";
import { readPictureUpload } from "@/lib/publishing/upload-request";
import { STAFF_PAGES_PATH } from "@/lib/staff/paths";
import { requireAbility } from "@/lib/staff/session";

const answer = (status: number, body: object) => Response.json(body, { status, headers: { "Cache-Control": "no-store" } });

/**
 * A picture for the page `slug`, from its editor (components/staff/editor/PictureUpload.tsx): for staff who edit
 * pages (403 otherwise, audited), judged and re-encoded by lib/publishing/pictures.ts (audited), kept with the
 * page's draft until it is published with it. Answers `{ src, width, height }` for the editor to write into the
 * page, or `{ message }` for the staff member.
 */
export async function POST(request: Request, { params }: RouteContext<"/staff/pages/[slug]/pictures">): Promise<Response> {
  const { slug } = await params;
  const staff = await requireAbility("edit", { returnTo: STAFF_PAGES_PATH, attempt: "upload a picture" });
  const file = pageFileOfSlug(slug);
  const found = await publishing();
  if ("unavailable" in found) return answer(503, { message: found.unavailable });
  if (file === undefined || (await found.service.readDraft(file, staff)) === undefined) {
    return answer(404, { message: `There is no page ${slug} to add a picture to: open the page from the list of pages.` });
  }
  const received = await readPictureUpload(request);
  if (!received.ok) return answer(received.status, { message: received.message });
  const saved = await savePicture(received.upload, staff);
  if (!saved.ok) return answer(400, { message: saved.message });
  try {
    return answer(200, await found.service.addPicture(file, saved.picture, staff));
  } catch (error) {
    if (error instanceof PublishingRefusal) return answer(409, { message: error.message });
    throw error;
  }
}
