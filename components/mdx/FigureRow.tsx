/**
 * Pictures meant to be compared, such as before and after: side by side on wide screens, one above the other on
 * phones, where side by side would shrink their labels below reading size.
 */
export function FigureRow({ children }: { children?: React.ReactNode }) {
  return <div className="figure-row not-prose my-8 grid gap-6 md:grid-cols-2 md:gap-4 [&_figure]:max-w-none">{children}</div>;
}
