import { HomePageLayout } from "@/components/HomePageLayout";
import { getContentPage } from "@/lib/content/pages";
import { contentPageMetadata } from "@/lib/seo/metadata";
import HomeContent from "@/content/index.mdx";

const page = getContentPage("");

export const metadata = contentPageMetadata(page);

export default function HomePage() {
  return (
    <HomePageLayout page={page}>
      <HomeContent />
    </HomePageLayout>
  );
}
