import type { ComponentType } from "react";

/**
 * A component staff place in a page, as a block of its own outside the prose styles, which would otherwise
 * recolour its links (a call button's text would take the button's own background colour) and space its paragraphs.
 */
export function outsideProse(Component: ComponentType) {
  function OutsideProse() {
    return (
      <div className="not-prose my-6">
        <Component />
      </div>
    );
  }
  OutsideProse.displayName = `OutsideProse(${Component.displayName ?? Component.name})`;
  return OutsideProse;
}
