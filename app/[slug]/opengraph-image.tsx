import { getContentPage, getSlugRouteParams } from "@/lib/content/pages";
import { renderShareImage, SHARE_IMAGE_CONTENT_TYPE, SHARE_IMAGE_SIZE, shareImageAlt } from "@/lib/seo/share-image";
import { getClinic } from "@/lib/site";

// One share image per content page, generated at build time like the pages themselves.
export const dynamicParams = false;

export function generateStaticParams(): { slug: string }[] {
  return getSlugRouteParams();
}

export const size = SHARE_IMAGE_SIZE;
export const contentType = SHARE_IMAGE_CONTENT_TYPE;
export const alt = shareImageAlt(getClinic());

export default async function ShareImage({ params }: { params: Promise<{ slug: string }> }) {
  return renderShareImage(getContentPage((await params).slug).title, getClinic());
}
