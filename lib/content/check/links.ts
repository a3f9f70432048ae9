/** Links in a page must lead somewhere: another page of the site, a file in public/, or another website. */
import type { Node } from "mdast";
import { visit } from "unist-util-visit";
import { contentError, type ContentProblem } from "../errors";
import { closestMatch } from "../suggest.mjs";
import type { ParsedPage } from "./parse-mdx";
import { columnOf, lineOf } from "./jsx";
import { unsafeSchemeOf } from "./mdx-safety.mjs";

export interface SiteAddresses {
  /** Every page address a link may go to: the content pages and the pages written in code. */
  pages: readonly string[];
  /** Every file in public/, as its address, e.g. `/images/spine.svg`. */
  publicFiles: ReadonlySet<string>;
}

const OTHER_SITE_OR_APP = /^(?:https?:|mailto:|tel:)/i;

/** What is wrong with a link to `url`, or undefined when it leads somewhere real. */
export function linkProblem(url: string, addresses: SiteAddresses): string | undefined {
  if (url.startsWith("#") || OTHER_SITE_OR_APP.test(url)) return undefined;
  const path = url.replace(/[?#].*$/, "");
  if (!path.startsWith("/") || path.startsWith("//")) {
    const guess = `/${path.replace(/^[./]+/, "").replace(/\.mdx$/, "")}`;
    const suggestion = addresses.pages.includes(guess) ? ` (did you mean ${guess}?)` : "";
    return `the link to ${url} must start with / for a page of this site, or https:// for another website${suggestion}`;
  }
  const withoutTrailingSlash = path.length > 1 ? path.replace(/\/+$/, "") : path;
  if (addresses.pages.includes(withoutTrailingSlash) || addresses.publicFiles.has(path)) return undefined;
  if (/\.\w+$/.test(path)) return `the link to ${url} goes to a file that is not in public/ (put the file in public/, or fix the name)`;
  const suggestion = closestMatch(withoutTrailingSlash, addresses.pages);
  return `the link to ${url} goes to a page that does not exist${suggestion ? ` (did you mean ${suggestion}?)` : ""}`;
}

export function checkLinks(page: ParsedPage, addresses: SiteAddresses): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (node: Node, url: string) => {
    // An address that runs code is refused as code (mdx-safety.mjs), once.
    if (unsafeSchemeOf(url)) return;
    const problem = linkProblem(url, addresses);
    if (problem) problems.push(contentError(page.file, lineOf(node), problem, columnOf(node)));
  };
  visit(page.tree, (node) => {
    // A definition is the target of a reference-style link: [words][name] … [name]: /address
    if (node.type === "link" || node.type === "definition") report(node, node.url);
  });
  return problems;
}
