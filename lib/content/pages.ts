/**
 * Reads the pages staff write in content/*.mdx: every list of pages on the site (routes, menus, sitemap)
 * comes from here, so adding a file adds the page everywhere.
 */
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { ContentError, describeIssues, lineOfYamlField } from "./errors";
import { pageFrontmatterSchema, type PageFrontmatter } from "./frontmatter";
import { readOnceInProduction } from "../read-once";

export const CONTENT_DIR = path.join(process.cwd(), "content");

/** The file that holds the home page ("/"). */
export const HOME_FILE_SLUG = "index";

export interface ContentPage extends PageFrontmatter {
  /** The URL segment: the file name without `.mdx`; empty for the home page. */
  slug: string;
  /** The page's path on the site, e.g. `/benefits` or `/`. */
  href: string;
  /** The file, relative to the project, for messages. */
  file: string;
}

const FRONTMATTER_BLOCK = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;
const FILE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Parses one page file's text; returns the page or the problems found, each naming the file and line. */
export function parseContentPage(file: string, source: string): ContentPage | string[] {
  const fileSlug = path.basename(file, ".mdx");
  if (!FILE_SLUG.test(fileSlug)) {
    return [`${file}:1: the file name must use only lowercase letters, digits and dashes, e.g. \`spinal-stenosis.mdx\``];
  }
  const block = FRONTMATTER_BLOCK.exec(source);
  if (!block) {
    return [`${file}:1: the page must start with its settings between two \`---\` lines (title, description, …)`];
  }
  const yamlText = block[1] ?? "";
  // The frontmatter's first field is on line 2, just after the opening `---`.
  const firstFieldLine = 2;
  let data: unknown;
  try {
    data = parseYaml(yamlText);
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = firstFieldLine + (error.linePos?.[0].line ?? 1) - 1;
      return [`${file}:${line}: the settings at the top are not valid YAML: ${error.message.split("\n")[0]}`];
    }
    throw error;
  }
  const result = pageFrontmatterSchema.safeParse(data ?? {});
  if (!result.success) {
    return describeIssues(file, result.error, (field) => lineOfYamlField(yamlText, field, firstFieldLine), 1);
  }
  const slug = fileSlug === HOME_FILE_SLUG ? "" : fileSlug;
  return { ...result.data, slug, href: `/${slug}`, file };
}

/** Problems that only show across files: two pages must not share a title, description or menu position. */
function findCrossPageProblems(pages: readonly ContentPage[]): string[] {
  const problems: string[] = [];
  const firstWith = new Map<string, ContentPage>();
  for (const page of pages) {
    const keys: [string, string][] = [
      [`title\u0000${page.title.toLowerCase()}`, "`title`"],
      [`description\u0000${page.description.toLowerCase()}`, "`description`"],
      [`navOrder\u0000${page.navArea}\u0000${page.navOrder}`, `\`navOrder\` ${page.navOrder} in the ${page.navArea} menu`],
    ];
    for (const [key, what] of keys) {
      const earlier = firstWith.get(key);
      if (earlier) problems.push(`${page.file}: ${what} is the same as in ${earlier.file}; each page needs its own`);
      else firstWith.set(key, page);
    }
  }
  return problems;
}

/** Reads and validates every page in a folder; throws one ContentError listing every problem at once. */
export function loadContentPagesFrom(directory: string): ContentPage[] {
  const relativeDir = path.relative(process.cwd(), directory) || ".";
  const files = fs
    .readdirSync(directory)
    .filter((name) => name.endsWith(".mdx"))
    .sort();
  const pages: ContentPage[] = [];
  const problems: string[] = [];
  for (const name of files) {
    const file = path.posix.join(relativeDir.split(path.sep).join("/"), name);
    const parsed = parseContentPage(file, fs.readFileSync(path.join(directory, name), "utf8"));
    if (Array.isArray(parsed)) problems.push(...parsed);
    else pages.push(parsed);
  }
  if (!files.includes(`${HOME_FILE_SLUG}.mdx`)) {
    problems.push(`${relativeDir}/${HOME_FILE_SLUG}.mdx: the home page file is missing`);
  }
  problems.push(...findCrossPageProblems(pages));
  if (problems.length > 0) throw new ContentError(problems);
  return pages.sort((a, b) => a.navOrder - b.navOrder);
}

/** Every content page, in menu order. */
export const getContentPages = readOnceInProduction(() => loadContentPagesFrom(CONTENT_DIR));

export function getContentPage(slug: string): ContentPage {
  const page = getContentPages().find((candidate) => candidate.slug === slug);
  if (!page) throw new Error(`No content page has the address /${slug}`);
  return page;
}

/** The `[slug]` route's params: every content page but home, which has a route of its own (app/page.tsx). */
export function getSlugRouteParams(): { slug: string }[] {
  return getContentPages()
    .filter((page) => page.slug !== "")
    .map((page) => ({ slug: page.slug }));
}

export function getNavPages(area: ContentPage["navArea"]): ContentPage[] {
  return getContentPages().filter((page) => page.navArea === area);
}
