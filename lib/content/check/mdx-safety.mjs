// @ts-check
/**
 * MDX is code: a `{…}`, an `import` or a tag in a page would run on the server when the site is built, or in a
 * patient's browser. The rule that keeps code out: a page holds only Markdown and the components staff may use,
 * with fields written in quotes, and no address that runs code. One rule for both judges: the content check
 * reports what `findUnsafeMdx` finds (lib/content/check/components.ts), and this module's default export, a remark
 * plugin in the build's MDX pipeline (next.config.ts), stops the build with the same words. Plain JavaScript
 * because the build's MDX loader imports the plugin with Node itself, by its path.
 */
/** @import { Nodes, Root } from "mdast" */
/** @import { MdxJsxFlowElement, MdxJsxTextElement } from "mdast-util-mdx" */
import path from "node:path";
import { visit } from "unist-util-visit";
import { closestMatch } from "../suggest.mjs";

/**
 * @typedef {MdxJsxFlowElement["attributes"][number]} JsxField
 * @typedef {{ line: number, column: number, message: string }} UnsafeMdx a place the rule refuses, and why
 * @typedef {{ components: readonly string[] }} MdxSafetyOptions the component names staff may use (lib/content/components.ts)
 */

/**
 * Addresses a browser runs as a script or opens as a page made on the spot. A page links to the site's own
 * pages and files, other websites, phone numbers and mail; its pictures are files in public/images/.
 */
const UNSAFE_SCHEMES = ["javascript:", "vbscript:", "data:"];

/** Fields a browser reads as an address, should a component ever pass one on to HTML. */
const ADDRESS_FIELDS = new Set(["href", "src", "srcset", "action", "formaction", "poster", "background", "xlink:href"]);

const RUNS_CODE = "address can run code in the reader's browser";
const IMPORT_OR_EXPORT = "pages cannot import or export code: use the components listed in content/README.md";

/**
 * The scheme of `url` as a browser reads it, when it is one pages may not use (e.g. "javascript:"). Browsers
 * ignore case, drop tabs and line breaks anywhere in an address and control characters and spaces before it;
 * character references such as `&#106;` the Markdown and JSX parsers have already decoded.
 * @param {string} url
 * @returns {string | undefined}
 */
export function unsafeSchemeOf(url) {
  let asBrowsersRead = url.replace(/[\t\n\r]/g, "");
  while (asBrowsersRead.length > 0 && asBrowsersRead.charCodeAt(0) <= 0x20) asBrowsersRead = asBrowsersRead.slice(1);
  asBrowsersRead = asBrowsersRead.toLowerCase();
  return UNSAFE_SCHEMES.find((scheme) => asBrowsersRead.startsWith(scheme));
}

/** A long address (a data: picture can be thousands of characters) cut to what a message needs. @param {string} url */
function shortened(url) {
  return url.length > 80 ? `${url.slice(0, 77)}…` : url;
}

/** @param {string} name @param {readonly string[]} components */
function refusedElementMessage(name, components) {
  const componentList = `You can use: ${[...components].sort().join(", ")}`;
  if (/^[a-z]/.test(name)) return `<${name}> is HTML, which pages do not use: write Markdown instead, or a component. ${componentList}`;
  const suggestion = closestMatch(name, components);
  return `<${name}> is not a component you can use${suggestion ? ` (did you mean <${suggestion}>?)` : ""}. ${componentList}`;
}

/**
 * Why a field written on a component is refused, or undefined when it is a plain value: `name="text"`, or a bare
 * `name`. The check leaves refused fields out of what it gives the component's schema.
 * @param {string} component
 * @param {JsxField} field
 * @returns {string | undefined}
 */
export function refusedFieldMessage(component, field) {
  if (field.type === "mdxJsxExpressionAttribute") return `<${component}> has {${field.value}}: write each field as name="value"`;
  const { name, value } = field;
  if (/^on/i.test(name)) return `<${component}> \`${name}\` is a field that runs code in the reader's browser, which pages cannot have`;
  if (value !== null && value !== undefined && typeof value !== "string") return `<${component}> \`${name}\` must be written in quotes, like ${name}="…"`;
  const scheme = typeof value === "string" && ADDRESS_FIELDS.has(name.toLowerCase()) ? unsafeSchemeOf(value) : undefined;
  return scheme ? `<${component}> \`${name}\` is not allowed: a ${scheme} ${RUNS_CODE}` : undefined;
}

/** @param {string} url */
function refusedLinkMessage(url) {
  const scheme = unsafeSchemeOf(url);
  return scheme
    ? `the link to ${shortened(url)} is not allowed: a ${scheme} ${RUNS_CODE}. Link to a page of this site (like /benefits) or to another website (https://…)`
    : undefined;
}

/** @param {string} url */
function refusedPictureMessage(url) {
  const scheme = unsafeSchemeOf(url);
  return scheme
    ? `the picture ${shortened(url)} is not allowed: a ${scheme} ${RUNS_CODE}. Save the picture in public/images/ and write /images/its-name`
    : undefined;
}

/**
 * Every place in a page's syntax tree (as the MDX parser gives it, after remark-frontmatter and remark-gfm) that
 * holds code, HTML or an address that runs code, in the order written.
 * @param {Root} tree
 * @param {MdxSafetyOptions} options
 * @returns {UnsafeMdx[]}
 */
export function findUnsafeMdx(tree, { components }) {
  /** @type {UnsafeMdx[]} */
  const found = [];
  /** @param {{ position?: Nodes["position"] }} node @param {string | undefined} message */
  const refuse = (node, message) => {
    if (message) found.push({ line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1, message });
  };
  visit(tree, (node) => {
    switch (node.type) {
      case "mdxjsEsm":
        return refuse(node, IMPORT_OR_EXPORT);
      case "mdxFlowExpression":
      case "mdxTextExpression":
        return refuse(node, `{${node.value}} is code, which pages do not use: to show a curly brace, write \\{`);
      case "html":
        // MDX itself reads tags as components; a plain Markdown file (format "md") keeps them as HTML.
        return refuse(node, "HTML is not used in pages: write Markdown instead, or a component");
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        return refuseElement(node);
      case "link":
      case "definition":
        return refuse(node, refusedLinkMessage(node.url));
      case "image":
        return refuse(node, refusedPictureMessage(node.url));
    }
  });
  return found;

  /** @param {MdxJsxFlowElement | MdxJsxTextElement} element */
  function refuseElement(element) {
    const name = element.name ?? "";
    if (!components.includes(name)) return refuse(element, refusedElementMessage(name, components));
    for (const field of element.attributes) refuse(field.position ? field : element, refusedFieldMessage(name, field));
  }
}

/**
 * The build's half of the rule, as a remark plugin (next.config.ts names it by this file's path): a page that holds
 * code stops the build, which prints every place with its file and line, in the content check's words.
 * @param {MdxSafetyOptions} options
 */
export default function remarkRefuseCodeInPages(options) {
  if (!Array.isArray(options?.components)) {
    throw new Error("lib/content/check/mdx-safety.mjs needs { components: [...] }: the names staff may use, from lib/content/components.ts");
  }
  /**
   * @param {Root} tree
   * @param {{ path?: string, fail: (reason: string, options: { place: { line: number, column: number }, source: string }) => never }} file
   */
  return (tree, file) => {
    const found = findUnsafeMdx(tree, options);
    const [first] = found;
    if (!first) return;
    const where = file.path ? path.relative(process.cwd(), file.path).split(path.sep).join("/") : "this page";
    file.fail(
      `${where} holds code or HTML, which pages may not have, so it is not built. Fix each place (npm run content:check lists them too):\n` +
        found.map(({ line, column, message }) => `  - ${where}:${line}:${column}: ${message}`).join("\n"),
      { place: { line: first.line, column: first.column }, source: "mdx-safety" },
    );
  };
}
