/**
 * Numbered steps: staff wrap a Markdown numbered list in `<Steps>` and each item gets a large number in a
 * circle (styles in app/globals.css, `.steps`). The list stays an <ol>, so screen readers still count the steps.
 */
export function Steps({ children }: { children?: React.ReactNode }) {
  return <div className="steps">{children}</div>;
}
