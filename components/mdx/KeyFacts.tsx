/**
 * A few short facts, each a box that starts with its point in bold: staff wrap a Markdown bullet list in
 * `<KeyFacts>` (styles in app/globals.css, `.key-facts`). The list stays a <ul>, so screen readers count the facts.
 */
export function KeyFacts({ children }: { children?: React.ReactNode }) {
  return <div className="key-facts">{children}</div>;
}
