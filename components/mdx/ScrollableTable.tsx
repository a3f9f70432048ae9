/**
 * Markdown tables in content: wide tables scroll sideways inside their own box on a phone, so the page
 * itself never scrolls sideways. The box can take keyboard focus, so keyboard users can scroll it too.
 */
export function ScrollableTable(props: React.ComponentProps<"table">) {
  return (
    <div role="region" aria-label="Table (scrolls sideways on small screens)" tabIndex={0} className="my-6 overflow-x-auto">
      <table {...props} className="my-0" />
    </div>
  );
}
