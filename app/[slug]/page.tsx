import type { Metadata } from "next";
import { getContentPage, getSlugRouteParams, readPageSource } from "@/lib/content/pages";
import { renderPageSource } from "@/lib/content/render-page";
import { contentPageMetadata } from "@/lib/seo/metadata";

// Every content page is prerendered at build time; an address without a content file is a 404.
export const dynamicParams = false;

export function generateStaticParams(): { slug: string }[] {
  return getSlugRouteParams();
}

export async function generateMetadata({ params }: PageProps<"/[slug]">): Promise<Metadata> {
  return contentPageMetadata(getContentPage((await params).slug));
}

export default async function ContentRoute({ params }: PageProps<"/[slug]">) {
  const page = getContentPage((await params).slug);
  return renderPageSource(page, readPageSource(page));
}
