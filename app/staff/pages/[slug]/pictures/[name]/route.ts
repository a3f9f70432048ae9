import { draftPictureResponse } from "@/lib/publishing/draft-picture-response";
import { requirePreviewer } from "@/lib/publishing/adapters";
import { pagePreviewPath } from "@/lib/staff/paths";

/**
 * A picture uploaded with the page's draft, not yet published, for its preview: staff who write or review pages
 * only (403 otherwise, audited), never cached, never read as anything but the picture it is.
 */
export async function GET(_request: Request, { params }: RouteContext<"/staff/pages/[slug]/pictures/[name]">): Promise<Response> {
  const { slug, name } = await params;
  const staff = await requirePreviewer(pagePreviewPath(slug));
  return draftPictureResponse(slug, name, staff);
}
