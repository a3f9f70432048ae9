import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { mdxComponents } from "@/components/mdx";
import { STAFF_COMPONENT_NAMES } from "@/lib/content/components";
import { getReferences } from "@/lib/content/references";

const { Callout, Cite, Figure, References, Steps } = mdxComponents;

describe("the components staff use in MDX", () => {
  it("are exactly the ones the content check knows, plus the Markdown table and picture", () => {
    expect(Object.keys(mdxComponents).sort()).toEqual([...STAFF_COMPONENT_NAMES, "table", "img"].sort());
  });

  it("Figure shows the picture with its description and caption", () => {
    render(<Figure src="/images/spine.svg" alt="The lower back" caption="The spinal canal." />);
    const figure = screen.getByRole("figure");
    expect(within(figure).getByRole("img", { name: "The lower back" })).toHaveAttribute("src", "/images/spine.svg");
    expect(figure.querySelector("figcaption")).toHaveTextContent("The spinal canal.");
  });

  it("Figure without alt text or caption fails, naming the component and the field", () => {
    expect(() => render(<Figure src="/images/spine.svg" caption="The spinal canal." />)).toThrow(
      "<Figure> `alt` is missing: describe what the picture shows, for people who cannot see it",
    );
    expect(() => render(<Figure src="/images/spine.svg" alt="The lower back" caption=" " />)).toThrow(
      "<Figure> `caption` is empty: write a short caption shown under the picture",
    );
  });

  it("Callout with an unknown type or field fails, naming the component", () => {
    expect(() => render(<Callout type="warning">Words</Callout>)).toThrow("<Callout> `type` must be one of: info, important, emergency");
    expect(() => render(<Callout tpye="info">Words</Callout>)).toThrow("<Callout> has a field the site does not know: `tpye`");
    render(<Callout>Words</Callout>);
    expect(screen.getByRole("complementary", { name: "Good to know" })).toHaveTextContent("Words");
  });

  it("Steps keeps the numbered list a list", () => {
    render(
      <Steps>
        <ol>
          <li>Call us.</li>
          <li>Come in.</li>
        </ol>
      </Steps>,
    );
    expect(screen.getAllByRole("listitem")).toHaveLength(2);
  });

  it("Cite links to its numbered source in References, and an unknown id fails", () => {
    const references = getReferences();
    const second = references[1]!;
    render(
      <>
        <p>
          A study.
          <Cite id={second.id} />
        </p>
        <References />
      </>,
    );
    expect(screen.getByRole("link", { name: "Source 2" })).toHaveAttribute("href", `#source-${second.id}`);
    const items = screen.getAllByRole("listitem");
    expect(items).toHaveLength(references.length);
    expect(items[1]).toHaveAttribute("id", `source-${second.id}`);
    expect(items[1]).toHaveTextContent(second.citation);
    expect(() => render(<Cite id="staats-2019" />)).toThrow('(did you mean "staats-2018"?)');
  });

  it("References links each study where a reader can look it up: DOI, PubMed and ClinicalTrials.gov", () => {
    render(<References />);
    const item = (id: string) => screen.getAllByRole("listitem").find((listItem) => listItem.id === `source-${id}`)!;
    const staats = item("staats-2018");
    expect(staats).toHaveTextContent("Reg Anesth Pain Med 2018;43(7):789-794.");
    expect(within(staats).getByRole("link", { name: "doi:10.1097/AAP.0000000000000868" })).toHaveAttribute(
      "href",
      "https://doi.org/10.1097/AAP.0000000000000868",
    );
    expect(within(staats).getByRole("link", { name: "PubMed (PMID 30199512)" })).toHaveAttribute("href", "https://pubmed.ncbi.nlm.nih.gov/30199512/");
    expect(within(item("deer-2024")).getByRole("link", { name: "PubMed (PMID 37661347)" })).toBeInTheDocument();
    expect(within(item("midas-encore-protocol")).getByRole("link", { name: "PubMed (PMID 26218933)" })).toBeInTheDocument();
    expect(within(item("soreness-series")).getByRole("link", { name: "PubMed (PMID 21102968)" })).toBeInTheDocument();
    expect(within(item("motion-criteria")).getByRole("link", { name: "ClinicalTrials.gov (NCT03610737)" })).toHaveAttribute(
      "href",
      "https://clinicaltrials.gov/study/NCT03610737",
    );
    // Long identifiers wrap inside a phone's width instead of pushing the page sideways.
    expect(staats.closest("ol")).toHaveClass("wrap-anywhere");
  });
});
