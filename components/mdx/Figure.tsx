import type { StaffComponentFields } from "@/lib/content/components";

/**
 * A picture from public/images/ with its text description (alt) and a visible caption; the schema in
 * lib/content/components.ts makes both required, so no picture reaches a page without them.
 */
export function Figure({ src, alt, caption }: StaffComponentFields<"Figure">) {
  return (
    <figure>
      {/* Staff pictures come in any size and next/image needs each one's dimensions: a plain img that scales down. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={src} alt={alt} loading="lazy" decoding="async" className="h-auto max-w-full rounded-lg" />
      <figcaption>{caption}</figcaption>
    </figure>
  );
}
