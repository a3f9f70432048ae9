import type { Metadata } from "next";
import { ContentPageLayout } from "@/components/ContentPageLayout";
import { getContentPage } from "@/lib/content/pages";
import HomeContent from "@/content/index.mdx";

const page = getContentPage("");

export const metadata: Metadata = {
  title: page.title,
  description: page.description,
};

export default function HomePage() {
  return (
    <ContentPageLayout page={page}>
      <HomeContent />
    </ContentPageLayout>
  );
}
