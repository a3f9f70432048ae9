import { getContentPage } from "@/lib/content/pages";
import { renderShareImage, SHARE_IMAGE_CONTENT_TYPE, SHARE_IMAGE_SIZE, shareImageAlt } from "@/lib/seo/share-image";
import { getClinic } from "@/lib/site";

// The home page's share image; app/[slug]/opengraph-image.tsx makes every other page's.
export const size = SHARE_IMAGE_SIZE;
export const contentType = SHARE_IMAGE_CONTENT_TYPE;
export const alt = shareImageAlt(getClinic());

export default function ShareImage() {
  return renderShareImage(getContentPage("").title, getClinic());
}
