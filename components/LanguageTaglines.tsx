import type { ReactNode } from "react";
import { getLanguageTaglines, translatedTaglines, type LanguageTagline } from "@/lib/content/language-taglines";

/**
 * The taglines from the file content/clinic.yaml names, each in its own language and direction so screen readers
 * speak it in that language and right-to-left scripts read right. Nothing until the clinic's translators supply
 * them: the site never writes one.
 */
export function LanguageTaglines({
  taglines = getLanguageTaglines(),
  heading,
}: {
  taglines?: readonly LanguageTagline[];
  /** A heading above the taglines, shown only when there are some. */
  heading?: ReactNode;
}) {
  const translated = translatedTaglines(taglines);
  if (translated.length === 0) return null;
  return (
    <div>
      {heading}
      <ul className="list-none space-y-4 p-0">
        {translated.map((tagline) => (
          <li key={tagline.lang} className="m-0 p-0">
            <span className="block text-sm font-semibold text-ink-muted">{tagline.language}</span>
            <span lang={tagline.lang} dir={tagline.dir} className="block">
              {tagline.text}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
