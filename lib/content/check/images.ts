/**
 * Pictures must be files in public/ (the site loads nothing from other websites) and must say what they show
 * for people who cannot see them. <Figure>'s own fields (alt, caption) are checked with the component rules.
 */
import type { Node } from "mdast";
import { visit } from "unist-util-visit";
import { contentError, type ContentProblem } from "../errors";
import type { ParsedPage } from "./parse-mdx";
import { columnOf, jsxElementsOf, lineOf, writtenFieldsOf } from "./jsx";
import { unsafeSchemeOf } from "./mdx-safety.mjs";

function pictureFileProblem(src: string, publicFiles: ReadonlySet<string>): string | undefined {
  if (/^(?:https?:)?\/\//i.test(src)) {
    return `the picture ${src} is on another website: save it in public/images/ and write /images/its-name instead`;
  }
  if (!src.startsWith("/")) return `the picture ${src} must be written from public/, like /images/spine.svg`;
  if (!publicFiles.has(src)) return missingPictureMessage(src);
  return undefined;
}

function missingPictureMessage(src: string): string {
  return `the picture ${src} is not in public/ (save it as public${src}, or fix the name)`;
}

export function checkImages(page: ParsedPage, publicFiles: ReadonlySet<string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (node: Node, message: string | undefined) => {
    if (message) problems.push(contentError(page.file, lineOf(node), message, columnOf(node)));
  };
  visit(page.tree, (node) => {
    if (node.type !== "image") return;
    // An address that runs code is refused as code (mdx-safety.mjs), once.
    if (!unsafeSchemeOf(node.url)) report(node, pictureFileProblem(node.url, publicFiles));
    if (!node.alt?.trim()) {
      report(node, `the picture ${node.url} needs a description of what it shows: write it between the brackets, ![like this](${node.url})`);
    }
  });
  for (const element of jsxElementsOf(page.tree)) {
    const src = element.name === "Figure" ? writtenFieldsOf(element).fields.src : undefined;
    // How `src` must be written is <Figure>'s schema's to say; here only whether the file is there.
    if (typeof src === "string" && src.startsWith("/images/") && !publicFiles.has(src)) report(element, missingPictureMessage(src));
  }
  return problems;
}
