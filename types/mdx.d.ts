// Content pages are MDX modules whose default export renders the page body.
declare module "*.mdx" {
  import type { MDXProps } from "mdx/types";
  import type { JSX } from "react";

  export default function MDXContent(props: MDXProps): JSX.Element;
}
