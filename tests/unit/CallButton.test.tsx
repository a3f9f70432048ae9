import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CallButton } from "@/components/CallButton";

describe("CallButton", () => {
  it("is a real tel: link whose name says it calls the clinic's number", () => {
    render(<CallButton />);
    const link = screen.getByRole("link", { name: "Call 501.224.4001" });
    expect(link).toHaveAttribute("href", "tel:+15012244001");
  });

  it("keeps the same name in the compact header size, where 'Call' is only spoken", () => {
    render(<CallButton size="compact" />);
    expect(screen.getByRole("link", { name: "Call 501.224.4001" })).toHaveAttribute("href", "tel:+15012244001");
  });
});
