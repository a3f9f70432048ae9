import type { Metadata } from "next";
import { ContentPageLayout } from "@/components/ContentPageLayout";
import { getContentPage } from "@/lib/content/pages";
import { fullPageTitle } from "@/lib/seo/metadata";
import HomeContent from "@/content/index.mdx";

const page = getContentPage("");

export const metadata: Metadata = {
  // The layout's title template does not apply to a page in its own segment.
  title: { absolute: fullPageTitle(page.title) },
  description: page.description,
};

export default function HomePage() {
  return (
    <ContentPageLayout page={page}>
      <HomeContent />
    </ContentPageLayout>
  );
}
