import type { Metadata } from "next";
import { ContentPageLayout } from "@/components/ContentPageLayout";
import { getContentPage, getContentPages } from "@/lib/content/pages";

// Every content page is prerendered at build time; an address without a content file is a 404.
export const dynamicParams = false;

export function generateStaticParams(): { slug: string }[] {
  return getContentPages()
    .filter((page) => page.slug !== "")
    .map((page) => ({ slug: page.slug }));
}

export async function generateMetadata({ params }: PageProps<"/[slug]">): Promise<Metadata> {
  const page = getContentPage((await params).slug);
  return { title: page.title, description: page.description };
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
