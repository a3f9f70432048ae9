import { CallButton } from "../CallButton";

/**
 * `<CallButton />` as staff place it in a page: its own block, outside the prose styles, which would
 * otherwise recolour the link text to the button's own background.
 */
export function CallButtonBlock() {
  return (
    <div className="not-prose my-6">
      <CallButton />
    </div>
  );
}
