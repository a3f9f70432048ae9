import { pictureAttributes } from "@/lib/pictures/responsive";

/** The text column's width (components/layout-classes.ts: 36 rem, inside the page's 1 rem margins), the widest a Markdown picture is shown. */
const TEXT_COLUMN_SIZES = "(min-width: 38rem) 36rem, calc(100vw - 2rem)";

/**
 * A picture written in Markdown, `![what it shows](/images/name.jpg)`: like <Figure>, in the build's screen-sized
 * copies with its width and height, as plain HTML. The content check has made sure it has its description.
 */
export function MarkdownPicture({ src, alt, title }: { src?: string; alt?: string; title?: string }) {
  if (!src) return null;
  const { srcSet, ...picture } = pictureAttributes(src);
  return (
    // eslint-disable-next-line @next/next/no-img-element
    <img {...picture} srcSet={srcSet} sizes={srcSet ? TEXT_COLUMN_SIZES : undefined} alt={alt ?? ""} title={title} loading="lazy" decoding="async" className="h-auto" />
  );
}
