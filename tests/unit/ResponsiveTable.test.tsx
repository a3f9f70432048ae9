import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ResponsiveTable } from "@/components/mdx/ResponsiveTable";

describe("ResponsiveTable", () => {
  it("labels every body cell with its column heading, for the stacked phone layout", () => {
    render(
      <ResponsiveTable>
        <thead>
          <tr>
            <th>What we compare</th>
            <th>
              <strong>MILD</strong>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td>Implant</td>
            <td>No</td>
          </tr>
        </tbody>
      </ResponsiveTable>,
    );
    const cells = within(screen.getByRole("table")).getAllByRole("cell");
    expect(cells.map((cell) => cell.getAttribute("data-label"))).toEqual(["What we compare", "MILD"]);
    expect(screen.getByRole("columnheader", { name: "MILD" })).toBeInTheDocument();
  });
});
