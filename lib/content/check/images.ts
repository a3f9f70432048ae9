/**
 * Pictures must be files in public/ (the site loads nothing from other websites) and must say what they show
 * for people who cannot see them. <Figure>'s own fields (alt, caption) are checked with the component rules.
 * Warnings, which still publish: a picture over 500 KB (a camera's photo, slow to send and to build), and a file
 * name with capitals (works on one computer, not on the server); spaces are an error, as they break the address.
 */
import type { Node } from "mdast";
import { visit } from "unist-util-visit";
import { contentError, contentWarning, type ContentProblem } from "../errors";
import { pictureFileNameProblem } from "../../pictures/names";
import { MAX_PICTURE_SIDE } from "../../pictures/responsive";
import type { ParsedPage } from "./parse-mdx";
import { columnOf, jsxElementsOf, lineOf, writtenFieldsOf } from "./jsx";
import { unsafeSchemeOf } from "./mdx-safety.mjs";

/** Above this a picture is flagged: a photo as wide as the site needs (MAX_PICTURE_SIDE) is well under it. */
const LARGE_PICTURE_KB = 500;

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

function largePictureMessage(src: string, bytes: number | undefined): string | undefined {
  if (bytes === undefined || bytes <= LARGE_PICTURE_KB * 1024) return undefined;
  const megabytes = (bytes / 1024 / 1024).toFixed(1);
  return `the picture ${src} is ${megabytes} MB; keep pictures under ${LARGE_PICTURE_KB} KB: save it at most ${MAX_PICTURE_SIDE} pixels wide (the editor's upload does this for you)`;
}

export function checkImages(page: ParsedPage, publicFiles: ReadonlySet<string>, publicFileBytes: ReadonlyMap<string, number> = new Map()): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const report = (node: Node, message: string | undefined) => {
    if (message) problems.push(contentError(page.file, lineOf(node), message, columnOf(node)));
  };
  const warn = (node: Node, message: string | undefined) => {
    if (message) problems.push(contentWarning(page.file, lineOf(node), message, columnOf(node)));
  };
  /** A picture that is there: is its name tidy, is it small enough. */
  const checkPictureFile = (node: Node, src: string) => {
    const nameProblem = pictureFileNameProblem(src);
    if (nameProblem) (/\s/.test(src) ? report : warn)(node, `the picture ${src} ${nameProblem}`);
    warn(node, largePictureMessage(src, publicFileBytes.get(src)));
  };
  visit(page.tree, (node) => {
    if (node.type !== "image") return;
    // An address that runs code is refused as code (mdx-safety.mjs), once.
    const fileProblem = unsafeSchemeOf(node.url) ? undefined : pictureFileProblem(node.url, publicFiles);
    report(node, fileProblem);
    if (!unsafeSchemeOf(node.url) && !fileProblem) checkPictureFile(node, node.url);
    if (!node.alt?.trim()) {
      report(node, `the picture ${node.url} needs a description of what it shows: write it between the brackets, ![like this](${node.url})`);
    }
  });
  for (const element of jsxElementsOf(page.tree)) {
    const src = element.name === "Figure" ? writtenFieldsOf(element).fields.src : undefined;
    // How `src` must be written (spaces included) is <Figure>'s schema's to say; here whether the file is there and fits.
    if (typeof src !== "string" || !src.startsWith("/images/") || /\s/.test(src)) continue;
    if (!publicFiles.has(src)) report(element, missingPictureMessage(src));
    else checkPictureFile(element, src);
  }
  return problems;
}
