import type { Metadata } from "next";
import { ContentPageLayout } from "@/components/ContentPageLayout";
import { getContentPage, getSlugRouteParams } from "@/lib/content/pages";
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
  const { default: PageBody } = await import(`@/content/${page.slug}.mdx`);
  return (
    <ContentPageLayout page={page}>
      <PageBody />
    </ContentPageLayout>
  );
}
