/**
 * Reads the pages staff write in content/*.mdx: every list of pages on the site (routes, menus, sitemap)
 * comes from here, so adding a file adds the page everywhere.
 */
import fs from "node:fs";
import path from "node:path";
import { contentError, ContentError, type ContentProblem } from "./errors";
import { pageFrontmatterSchema, type PageFrontmatter } from "./frontmatter";
import { lineOfYamlField, parseYamlWithSchema } from "./yaml";
import { readOnceInProduction } from "../read-once";
import { CLINIC_FILE, type Clinic } from "../site";
import { closestMatch } from "./suggest.mjs";
import { FIRST_FIELD_LINE, FRONTMATTER_BLOCK, pageSettingsBlock } from "./settings-block";

export const CONTENT_DIR = path.join(process.cwd(), "content");

/** The file that holds the home page ("/"). */
export const HOME_FILE_SLUG = "index";

/** Only these files are pages; content/ also holds data files and the staff guide. */
export const PAGE_FILE_EXTENSION = ".mdx";

export interface ContentPage extends PageFrontmatter {
  /** The URL segment: the file name without `.mdx`; empty for the home page. */
  slug: string;
  /** The page's path on the site, e.g. `/benefits` or `/`. */
  href: string;
  /** The file, relative to the project, for messages. */
  file: string;
}

const FILE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export { pageSettingsBlock };

/** The address of the page a file holds (`content/benefits.mdx` is `/benefits`), or undefined for a bad file name. */
export function pageHrefOfFile(file: string): string | undefined {
  const fileSlug = path.basename(file, PAGE_FILE_EXTENSION);
  if (!FILE_SLUG.test(fileSlug)) return undefined;
  return fileSlug === HOME_FILE_SLUG ? "/" : `/${fileSlug}`;
}

/** Parses one page file's text; returns the page or the problems found, each naming the file and line. */
export function parseContentPage(file: string, source: string): ContentPage | ContentProblem[] {
  const href = pageHrefOfFile(file);
  if (href === undefined) {
    return [contentError(file, 1, "the file name must use only lowercase letters, digits and dashes, e.g. `spinal-stenosis.mdx`")];
  }
  const block = FRONTMATTER_BLOCK.exec(source);
  if (!block) {
    return [contentError(file, 1, "the page must start with its settings between two `---` lines (title, description, …)")];
  }
  const result = parseYamlWithSchema(file, block[1] ?? "", pageFrontmatterSchema, {
    firstLine: FIRST_FIELD_LINE,
    notValidYaml: "the settings at the top are not valid YAML",
  });
  if (!result.ok) return result.problems;
  return { ...result.data, slug: href.slice(1), href, file };
}

/** The line of a frontmatter field in a page's text, for problems found after parsing. */
function lineOfFrontmatterField(source: string, field: keyof PageFrontmatter): number {
  return lineOfYamlField(FRONTMATTER_BLOCK.exec(source)?.[1] ?? "", [field], FIRST_FIELD_LINE) ?? 1;
}

type Physician = NonNullable<Clinic["physicians"]>[number];

/**
 * The physician's approval a page states (`reviewedBy` with its date, `reviewed`), or what is wrong with the name;
 * undefined when the page states no approval. Half an approval is the schema's error, never a review here.
 */
export function pageReviewer(
  page: Pick<ContentPage, "reviewedBy" | "reviewed">,
  clinic: Pick<Clinic, "physicians">,
): { physician: Physician; reviewed: string } | { problem: string } | undefined {
  if (page.reviewedBy === undefined || page.reviewed === undefined) return undefined;
  const physicians = clinic.physicians ?? [];
  const physician = physicians.find((candidate) => candidate.name === page.reviewedBy);
  if (physician) return { physician, reviewed: page.reviewed };
  const names = physicians.map((candidate) => candidate.name);
  const suggestion = closestMatch(page.reviewedBy, names);
  return {
    problem:
      `\`reviewedBy\` names "${page.reviewedBy}", who is not among the physicians in ${CLINIC_FILE}` +
      (names.length === 0
        ? ": add the physician there first, or leave `reviewedBy` out"
        : suggestion
          ? ` (did you mean "${suggestion}"?)`
          : `: write one of ${names.map((name) => `"${name}"`).join(", ")}`),
  };
}

/** Every page whose `reviewedBy` names no physician in content/clinic.yaml, at the line of the field. */
export function findReviewerProblems(
  pages: readonly ContentPage[],
  clinic: Pick<Clinic, "physicians">,
  sourceOf: (page: ContentPage) => string,
): ContentProblem[] {
  return pages.flatMap((page) => {
    const reviewer = pageReviewer(page, clinic);
    return reviewer && "problem" in reviewer ? [contentError(page.file, lineOfFrontmatterField(sourceOf(page), "reviewedBy"), reviewer.problem)] : [];
  });
}

/**
 * Problems that only show across files: two pages must not share a title, description or menu position.
 * `sourceOf` gives a page's text, to point at the line of the repeated field.
 */
export function findCrossPageProblems(
  pages: readonly ContentPage[],
  sourceOf: (page: ContentPage) => string,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const firstWith = new Map<string, ContentPage>();
  for (const page of pages) {
    const keys: [string, keyof PageFrontmatter, string][] = [
      [`title\u0000${page.title.toLowerCase()}`, "title", "`title`"],
      [`description\u0000${page.description.toLowerCase()}`, "description", "`description`"],
      [`navOrder\u0000${page.navArea}\u0000${page.navOrder}`, "navOrder", `\`navOrder\` ${page.navOrder} in the ${page.navArea} menu`],
    ];
    for (const [key, field, what] of keys) {
      const earlier = firstWith.get(key);
      if (!earlier) firstWith.set(key, page);
      else {
        const line = lineOfFrontmatterField(sourceOf(page), field);
        problems.push(contentError(page.file, line, `${what} is the same as in ${earlier.file}; each page needs its own`));
      }
    }
  }
  return problems;
}

/** A content file's name relative to the project, with forward slashes, for messages. */
export function projectRelativeFile(directory: string, name: string): string {
  const relativeDir = path.relative(process.cwd(), directory) || ".";
  return path.posix.join(relativeDir.split(path.sep).join("/"), name);
}

/** Reads and validates every page in a folder; throws one ContentError listing every problem at once. */
export function loadContentPagesFrom(directory: string): ContentPage[] {
  const names = fs
    .readdirSync(directory)
    .filter((name) => name.endsWith(PAGE_FILE_EXTENSION))
    .sort();
  const pages: ContentPage[] = [];
  const problems: ContentProblem[] = [];
  const sources = new Map<string, string>();
  for (const name of names) {
    const file = projectRelativeFile(directory, name);
    const source = fs.readFileSync(path.join(directory, name), "utf8");
    sources.set(file, source);
    const parsed = parseContentPage(file, source);
    if (Array.isArray(parsed)) problems.push(...parsed);
    else pages.push(parsed);
  }
  problems.push(...findHomePageProblems(projectRelativeFile(directory, ""), names));
  problems.push(...findCrossPageProblems(pages, (page) => sources.get(page.file) ?? ""));
  if (problems.length > 0) throw new ContentError(problems);
  return pages.sort((a, b) => a.navOrder - b.navOrder);
}

/** The site needs a home page; `names` are the file names in the content folder `directoryFile`. */
export function findHomePageProblems(directoryFile: string, names: readonly string[]): ContentProblem[] {
  const homeName = `${HOME_FILE_SLUG}${PAGE_FILE_EXTENSION}`;
  return names.includes(homeName) ? [] : [contentError(path.posix.join(directoryFile, homeName), 1, "the home page file is missing")];
}

/** Every content page, in menu order. */
export const getContentPages = readOnceInProduction(() => loadContentPagesFrom(CONTENT_DIR));

/** A published page's text, as in its file: what the built page is rendered from (lib/content/render-page.tsx). */
export function readPageSource(page: Pick<ContentPage, "file">): string {
  return fs.readFileSync(path.join(CONTENT_DIR, path.basename(page.file)), "utf8");
}

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
