import type { StaffComponentFields } from "@/lib/content/components";
import { publicImageSize } from "@/lib/content/image-size";

/**
 * A picture from public/images/ with its text description (alt) and a visible caption; the schema in
 * lib/content/components.ts makes both required, so no picture reaches a page without them. Its width and
 * height come from the file, so the page keeps its place for it while it loads.
 */
export function Figure({ src, alt, caption }: StaffComponentFields<"Figure">) {
  const size = publicImageSize(src);
  return (
    <figure className="mx-auto max-w-xl">
      {/* Staff pictures come in any size and next/image needs each one's dimensions: a plain img that scales down. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img
        src={src}
        alt={alt}
        width={size?.width}
        height={size?.height}
        loading="lazy"
        decoding="async"
        className="h-auto w-full rounded-lg border border-brand-100 bg-white"
      />
      <figcaption className="mt-3 text-center text-lg/snug text-ink">{caption}</figcaption>
    </figure>
  );
}
