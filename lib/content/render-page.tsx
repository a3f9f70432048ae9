/**
 * The one way a page becomes what patients see: its MDX source compiled with the site's remark plugins (including
 * the rule that pages hold no code, lib/content/check/mdx-safety.mjs), run with the site's components
 * (mdx-components.tsx), inside the site's page layout. The built pages (app/page.tsx, app/[slug]/page.tsx) and the
 * staff's preview of a draft (app/staff/pages/[slug]/preview) both call it, so a draft looks as it will once published.
 */
import path from "node:path";
import { compile, run, type CompileOptions } from "@mdx-js/mdx";
import type { MDXComponents, MDXContent } from "mdx/types";
import * as jsxRuntime from "react/jsx-runtime";
import { ContentPageLayout } from "@/components/ContentPageLayout";
import { HomePageLayout } from "@/components/HomePageLayout";
import { Figure } from "@/components/mdx/Figure";
import { MarkdownPicture } from "@/components/mdx/MarkdownPicture";
import { staffComponent } from "@/components/mdx/staff-component";
import { useMDXComponents } from "@/mdx-components";
import refuseCodeInPages from "./check/mdx-safety.mjs";
import { STAFF_COMPONENT_NAMES } from "./components";
import { remarkHeadingAnchors } from "./heading-anchors";
import type { ContentPage } from "./pages";
import { PAGE_REMARK_PLUGINS } from "./remark-plugins";

const REMARK_PLUGINS: NonNullable<CompileOptions["remarkPlugins"]> = [
  ...PAGE_REMARK_PLUGINS,
  [refuseCodeInPages, { components: STAFF_COMPONENT_NAMES }],
  // After the safety rule, which judges what staff wrote: this adds the links <QuestionList /> holds.
  remarkHeadingAnchors,
];

/**
 * A page's MDX compiled to the body of a function, or the error that stops it, naming the file and the line
 * (a page holding code is refused here, before any of it is run).
 */
export async function compilePageSource(file: string, source: string): Promise<string> {
  const compiled = await compile(
    { value: source, path: path.resolve(file) },
    // Components come from the site's one list (mdx-components.tsx), handed over when the page is run.
    { outputFormat: "function-body", providerImportSource: "#", remarkPlugins: REMARK_PLUGINS },
  );
  return String(compiled);
}

/**
 * The site's picture components, showing the pictures in `addresses` (`/images/…`, not in public/ yet: a draft's
 * uploads) from the address given there. A <Figure>'s fields are checked first, as on every page.
 */
function showingUnpublishedPictures(addresses: ReadonlyMap<string, string>): MDXComponents {
  const shown = (src: string | undefined) => (src === undefined ? undefined : (addresses.get(src) ?? src));
  return {
    Figure: staffComponent("Figure", (fields) => <Figure {...fields} src={shown(fields.src)!} />),
    img: (props: React.ComponentProps<typeof MarkdownPicture>) => <MarkdownPicture {...props} src={shown(props.src)} />,
  };
}

/**
 * The page as patients see it: its words from `source`, its settings from `page`, in the site's layout. The
 * preview passes `pictureAddresses`, where the pictures uploaded with the draft are shown from; built pages never do.
 */
export async function renderPageSource(
  page: ContentPage,
  source: string,
  { pictureAddresses }: { pictureAddresses?: ReadonlyMap<string, string> } = {},
): Promise<React.ReactElement> {
  const code = await compilePageSource(page.file, source);
  const { default: PageBody } = (await run(code, { ...jsxRuntime, useMDXComponents, baseUrl: import.meta.url })) as { default: MDXContent };
  const Layout = page.slug === "" ? HomePageLayout : ContentPageLayout;
  return (
    <Layout page={page}>
      <PageBody components={pictureAddresses?.size ? showingUnpublishedPictures(pictureAddresses) : undefined} />
    </Layout>
  );
}
