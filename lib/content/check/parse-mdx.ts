/**
 * Reads a page's MDX as the build does: the same parser, the same remark plugins (lib/content/mdx-options.ts).
 * The syntax tree it gives (mdast, with MDX's JSX nodes) is what every rule of the content check looks at.
 */
import type { CompileOptions } from "@mdx-js/mdx";
import type { Root } from "mdast";
import { contentError, type ContentProblem } from "../errors";
import { MDX_REMARK_PLUGIN_NAMES } from "../mdx-options";

/** A page file, parsed: the rules get the name, the text and its syntax tree. */
export interface ParsedPage {
  file: string;
  text: string;
  tree: Root;
}

type RemarkPlugins = NonNullable<CompileOptions["remarkPlugins"]>;

/**
 * Each of the build's remark plugins, imported by a literal name: the server's bundler (the editor runs the check
 * on every save) resolves only imports it can read, and `import(name)` from a variable failed there with "Cannot
 * find module as expression is too dynamic". The type fails if the build's list gains a plugin this lacks.
 */
const REMARK_PLUGIN_IMPORTS = {
  "remark-frontmatter": () => import("remark-frontmatter"),
  "remark-gfm": () => import("remark-gfm"),
} satisfies Record<(typeof MDX_REMARK_PLUGIN_NAMES)[number], () => Promise<{ default: RemarkPlugins[number] }>>;

/**
 * The MDX compiler and the build's remark plugins. Imported when first needed, as ES modules: the compiler's
 * own dependencies cannot be loaded with `require`, which is how tsx runs this project's .ts files.
 */
async function loadCompiler() {
  const [mdx, ...pluginModules] = await Promise.all([import("@mdx-js/mdx"), ...MDX_REMARK_PLUGIN_NAMES.map((name) => REMARK_PLUGIN_IMPORTS[name]())]);
  return { ...mdx, remarkPlugins: pluginModules.map((module) => module.default) };
}

let compiler: ReturnType<typeof loadCompiler> | undefined;

/** The error the MDX parser throws (a VFileMessage): its words, and where in the file. */
interface MdxSyntaxError {
  reason: string;
  place?: { line: number; column: number } | { start: { line: number; column: number } };
}

function isMdxSyntaxError(error: unknown): error is MdxSyntaxError {
  return typeof error === "object" && error !== null && "reason" in error && "place" in error;
}

/** A short hint for the syntax mistakes staff make most, added to the parser's own words. */
function hintFor(reason: string): string {
  if (/closing tag|end-tag/i.test(reason)) return " (every <Component> needs its closing </Component>, or must end with />)";
  if (/before name|unexpected character/i.test(reason)) {
    return " (a < or { starts a component or code: for the sign itself write \\< or \\{)";
  }
  if (/lazy|expression/i.test(reason)) return " (check the { } and the component lines around here)";
  return "";
}

/**
 * Where the mistake is. A tag left open until the end of the page has no place of its own; its message names
 * the opening tag's place ("(3:1-3:22)"), which is where staff should look.
 */
function placeOf(error: MdxSyntaxError): { line: number; column: number } | undefined {
  if (error.place) return "start" in error.place ? error.place.start : error.place;
  const openingTag = /\((\d+):(\d+)-\d+:\d+\)/.exec(error.reason);
  return openingTag ? { line: Number(openingTag[1]), column: Number(openingTag[2]) } : undefined;
}

/**
 * Parses and compiles one page as the build would. Returns the tree, or the reason it cannot be built
 * with its line and column.
 */
export async function parsePage(file: string, text: string): Promise<{ ok: true; page: ParsedPage } | { ok: false; problem: ContentProblem }> {
  compiler ??= loadCompiler();
  const { compile, createProcessor, remarkPlugins } = await compiler;
  try {
    await compile(text, { remarkPlugins });
    const tree = createProcessor({ remarkPlugins }).parse(text) as Root;
    return { ok: true, page: { file, text, tree } };
  } catch (error) {
    if (!isMdxSyntaxError(error)) throw error;
    const message = `this page cannot be built: ${error.reason}${hintFor(error.reason)}`;
    const place = placeOf(error);
    return { ok: false, problem: contentError(file, place?.line ?? 1, message, place?.column) };
  }
}
