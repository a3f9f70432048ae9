import type { StaffComponentFields } from "@/lib/content/components";
import { pictureAttributes } from "@/lib/pictures/responsive";

/** The figure's width on the page (max-w-xl, inside the page's 1rem margins): the copy a screen needs follows from it. */
const FIGURE_SIZES = "(min-width: 38rem) 36rem, calc(100vw - 2rem)";

/**
 * A picture from public/images/ with its text description (alt) and a visible caption; the schema in
 * lib/content/components.ts makes both required, so no picture reaches a page without them. A photo comes in the
 * build's screen-sized copies (lib/pictures/responsive.ts); its width and height keep its place while it loads.
 */
export function Figure({ src, alt, caption }: StaffComponentFields<"Figure">) {
  const { srcSet, ...picture } = pictureAttributes(src);
  return (
    <figure className="mx-auto max-w-xl">
      {/* A plain img with the build's copies: next/image would bring client JavaScript to pages that have none. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        {...picture}
        srcSet={srcSet}
        sizes={srcSet ? FIGURE_SIZES : undefined}
        alt={alt}
        loading="lazy"
        decoding="async"
        className="h-auto w-full rounded-lg border border-brand-100 bg-white"
      />
      <figcaption className="mt-3 text-center text-lg/snug text-ink">{caption}</figcaption>
    </figure>
  );
}
