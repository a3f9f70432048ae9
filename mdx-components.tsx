import type { MDXComponents } from "mdx/types";
import { mdxComponents } from "@/components/mdx";

// Next's MDX convention: every content page gets the staff components without importing them.
export function useMDXComponents(components: MDXComponents = {}): MDXComponents {
  return { ...components, ...mdxComponents };
}
