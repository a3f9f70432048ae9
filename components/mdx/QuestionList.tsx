import type { ReactNode } from "react";

/**
 * `<QuestionList />`: the page's questions as links to each answer, so a reader on a phone need not scroll through
 * every answer to find theirs. Its links are made from the page's `##` headings when the page is rendered
 * (lib/content/heading-anchors.ts), which hands them over as `children`.
 */
export function QuestionList({ children }: { children?: ReactNode }) {
  return (
    <nav aria-label="Questions on this page" className="my-6 rounded-lg border-2 border-brand-100 bg-brand-50 px-4 py-3 [&_li]:my-2 [&_ul]:my-0">
      <p className="mt-0 mb-2 font-bold">The questions on this page:</p>
      {children}
    </nav>
  );
}
