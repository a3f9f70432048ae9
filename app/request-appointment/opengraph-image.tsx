import { REQUEST_APPOINTMENT_PAGE } from "@/lib/routes";
import { renderShareImage, SHARE_IMAGE_CONTENT_TYPE, SHARE_IMAGE_SIZE, shareImageAlt } from "@/lib/seo/share-image";
import { getClinic } from "@/lib/site";

// The form page's share image, like every content page's (app/[slug]/opengraph-image.tsx).
export const size = SHARE_IMAGE_SIZE;
export const contentType = SHARE_IMAGE_CONTENT_TYPE;
export const alt = shareImageAlt(getClinic());

export default function ShareImage() {
  return renderShareImage(REQUEST_APPOINTMENT_PAGE.title, getClinic());
}
