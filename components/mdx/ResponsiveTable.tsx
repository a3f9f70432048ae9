import { Children, cloneElement, isValidElement, type ReactElement, type ReactNode } from "react";

type ElementWithChildren = ReactElement<{ children?: ReactNode; "data-label"?: string }>;

function childElements(node: ReactNode): ElementWithChildren[] {
  return Children.toArray(node).filter(isValidElement) as ElementWithChildren[];
}

function textOf(node: ReactNode): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(textOf).join("");
  if (isValidElement<{ children?: ReactNode }>(node)) return textOf(node.props.children);
  return "";
}

/** Gives every body cell a `data-label` with its column's heading, for the stacked phone layout. */
function labelBodyCells(children: ReactNode): ReactNode {
  const sections = childElements(children);
  const headerRow = childElements(sections.find((section) => section.type === "thead")?.props.children)[0];
  const headings = childElements(headerRow?.props.children).map((cell) => textOf(cell.props.children).trim());
  return sections.map((section) =>
    section.type !== "tbody"
      ? section
      : cloneElement(section, {
          children: childElements(section.props.children).map((row) =>
            cloneElement(row, {
              children: childElements(row.props.children).map((cell, column) =>
                cloneElement(cell, { "data-label": headings[column] ?? "" }),
              ),
            }),
          ),
        }),
  );
}

/**
 * Markdown tables in content. On wide screens a normal table; on a phone each row becomes a card whose
 * cells repeat their column heading, so nobody has to scroll sideways to compare (see .stacked-table).
 */
export function ResponsiveTable({ children, ...props }: React.ComponentProps<"table">) {
  return (
    <table {...props} className="stacked-table">
      {labelBodyCells(children)}
    </table>
  );
}
