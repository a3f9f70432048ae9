import { getContentPage, readPageSource } from "@/lib/content/pages";
import { renderPageSource } from "@/lib/content/render-page";
import { contentPageMetadata } from "@/lib/seo/metadata";

const page = getContentPage("");

export const metadata = contentPageMetadata(page);

export default async function HomePage() {
  return renderPageSource(page, readPageSource(page));
}
