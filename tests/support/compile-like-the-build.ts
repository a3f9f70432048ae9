/**
 * Compiles a page exactly as `next build` does, without a build: next.config.ts is loaded for a Turbopack build
 * (as `next build` loads it), and the MDX rule it gives Turbopack (@next/mdx's loader, with its options, plugins
 * named as strings) runs on the page's text. A full build per case would take minutes.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import nextConfig from "@/next.config";

type LoaderCallback = (error: Error | null | undefined, output?: Buffer | string) => void;
type Loader = (this: unknown, source: string) => void;
interface LoaderRule {
  loaders: { loader: string; options: Record<string, unknown> }[];
  condition: { path: RegExp };
}

/** The MDX loader and its options from next.config.ts, read once. */
let mdxRule: Promise<LoaderRule> | undefined;

async function readMdxRule(): Promise<LoaderRule> {
  const previous = process.env.TURBOPACK;
  // `next build` sets this before it loads the config; @next/mdx then gives its rule to Turbopack.
  process.env.TURBOPACK = "1";
  try {
    const config = await nextConfig(PHASE_PRODUCTION_BUILD);
    const rules = Object.values(config.turbopack?.rules ?? {}).flat() as unknown as LoaderRule[];
    const rule = rules.find((candidate) => candidate.condition?.path instanceof RegExp && candidate.condition.path.test("page.mdx"));
    if (!rule) throw new Error("next.config.ts gives Turbopack no rule for .mdx files");
    return rule;
  } finally {
    if (previous === undefined) delete process.env.TURBOPACK;
    else process.env.TURBOPACK = previous;
  }
}

/** The page compiled to JavaScript, or the build's error (its message is what `next build` prints). */
export async function compileLikeTheBuild(file: string, text: string): Promise<string> {
  mdxRule ??= readMdxRule();
  const [{ loader, options }] = (await mdxRule).loaders as [LoaderRule["loaders"][number]];
  const run = createRequire(import.meta.url)(loader) as Loader;
  const resourcePath = path.resolve(file);
  return new Promise((resolve, reject) => {
    const callback: LoaderCallback = (error, output) => (error ? reject(error) : resolve(String(output)));
    const loaderContext = {
      // Turbopack hands each run its options anew (serialised); @next/mdx replaces plugin names in them.
      getOptions: () => structuredClone(options),
      async: () => callback,
      context: path.dirname(resourcePath),
      resourcePath,
      mode: "production",
      sourceMap: false,
    };
    run.call(loaderContext, text);
  });
}
