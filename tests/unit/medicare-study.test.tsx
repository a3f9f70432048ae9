/**
 * "Will Medicare pay?" on /faq and /evidence follows `medicareStudy` in content/clinic.yaml: the clinic takes part
 * in a Medicare-approved study, it does not, or (today) it has not said, and then the page says "ask us". The
 * clinics here are made-up fixtures; the real clinic.yaml does not say yet.
 */
import fs from "node:fs";
import path from "node:path";
import { render, screen } from "@testing-library/react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MedicareStudyAnswer } from "@/components/MedicareStudyAnswer";
import { checkContent } from "@/lib/content/check";
import { readContentCheckInput } from "@/lib/content/check/read-folders";
import { formatContentProblem } from "@/lib/content/errors";
import { CONTENT_DIR, parseContentPage, type ContentPage } from "@/lib/content/pages";
import { renderPageSource } from "@/lib/content/render-page";
import { getMedicareStudyTexts, medicareStudyAnswer } from "@/lib/medicare-study";
import { extractFaqEntries, getFaqEntries } from "@/lib/seo/faq";
import { getClinic, parseClinicFacts } from "@/lib/site";

const clinicThat = (medicareStudy?: string) =>
  parseClinicFacts(`name: Test Clinic\nphone: 501.224.4001\n${medicareStudy ? `medicareStudy: ${medicareStudy}\n` : ""}`);

const MEDICARE_QUESTION = "Does Medicare or my insurance cover MILD?";
const TODAY_SENTENCE = "Ask us whether our clinic takes part in an approved study. If not, Medicare may not pay.";

describe("<MedicareStudyAnswer />", () => {
  it("says plainly that the clinic takes part, without promising that Medicare pays", () => {
    render(<MedicareStudyAnswer clinic={clinicThat("takes-part")} />);
    const answer = screen.getByText(/We take part in a Medicare-approved study/);
    expect(answer).toHaveTextContent("Medicare may pay for patients in the study. Ask us whether you can join it.");
    expect(answer.textContent).not.toMatch(/will pay|covers|ask us whether our clinic/i);
  });

  it("says plainly that the clinic does not take part, that Medicare may not pay, and to ask about cost", () => {
    render(<MedicareStudyAnswer clinic={clinicThat("does-not-take-part")} />);
    expect(screen.getByText(/We do not take part/)).toHaveTextContent(
      "We do not take part in a Medicare-approved study. So Medicare may not pay for MILD at our clinic. Please ask us about the cost.",
    );
  });

  it("asks the reader to ask us while content/clinic.yaml does not say, as it does not today", () => {
    expect(getClinic().medicareStudy).toBeUndefined();
    const { container } = render(<MedicareStudyAnswer />);
    expect(container).toHaveTextContent(TODAY_SENTENCE);
    expect(container.textContent).not.toMatch(/we take part|we do not take part/i);
  });
});

describe("the Medicare answer's words live in one place", () => {
  it("/faq and /evidence show it through the component, and no page writes the sentence itself", () => {
    for (const page of fs.readdirSync(CONTENT_DIR).filter((file) => file.endsWith(".mdx"))) {
      const source = fs.readFileSync(path.join(CONTENT_DIR, page), "utf8");
      expect(source, page).not.toContain("Ask us whether our clinic takes part");
      if (page === "faq.mdx" || page === "evidence.mdx") expect(source, page).toContain("<MedicareStudyAnswer />");
    }
  });

  it("the content check refuses a banned phrase in content/medicare-study.yaml, naming the file and line", { timeout: 60_000 }, async () => {
    const site = readContentCheckInput(CONTENT_DIR, path.join(process.cwd(), "public"));
    const files = site.files.map((file) =>
      file.file.endsWith("medicare-study.yaml") ? { ...file, text: file.text.replace("Medicare may pay for patients", "It is risk-free, and Medicare may pay for patients") } : file,
    );
    const problems = (await checkContent({ ...site, files })).problems.map(formatContentProblem);
    const line = fs.readFileSync(path.join(CONTENT_DIR, "medicare-study.yaml"), "utf8").split("\n").findIndex((text) => text.includes("Medicare may pay")) + 1;
    expect(problems.filter((problem) => problem.startsWith("content/medicare-study.yaml"))).toEqual([
      expect.stringMatching(new RegExp(`^content/medicare-study\\.yaml:${line}:\\d+: do not write "risk-free"`)),
    ]);
  });
});

describe("the FAQ's structured data carries the same Medicare answer as the page", () => {
  function faqPage(): { page: ContentPage; source: string } {
    const source = fs.readFileSync(path.join(CONTENT_DIR, "faq.mdx"), "utf8");
    const page = parseContentPage("content/faq.mdx", source);
    if (Array.isArray(page)) throw new Error("content/faq.mdx does not parse");
    return { page, source };
  }

  it("on today's /faq: the answer search engines read holds the words the page shows", { timeout: 60_000 }, async () => {
    const { page, source } = faqPage();
    const html = renderToStaticMarkup(await renderPageSource(page, source));
    const answer = medicareStudyAnswer();
    expect(html).toContain(`<p>${answer}</p>`);
    const graph = JSON.parse(html.match(/<script type="application\/ld\+json"[^>]*>([\s\S]*?)<\/script>/)![1]!.replace(/\\u003c/g, "<"));
    const faq = graph["@graph"].find((node: { "@type": string }) => node["@type"] === "FAQPage");
    const medicare = faq.mainEntity.find((question: { name: string }) => question.name === MEDICARE_QUESTION);
    expect(medicare.acceptedAnswer.text).toContain(answer);
    expect(getFaqEntries("faq").find((entry) => entry.question === MEDICARE_QUESTION)!.answerText).toContain(answer);
  });

  it.each(["takes-part", "does-not-take-part"] as const)("once clinic.yaml says %s, the FAQ's answer says it too", (study) => {
    const { source } = faqPage();
    const words = { MedicareStudyAnswer: medicareStudyAnswer(clinicThat(study)) };
    const entry = extractFaqEntries(source, "content/faq.mdx", words).find((candidate) => candidate.question === MEDICARE_QUESTION)!;
    expect(entry.answerText).toContain(getMedicareStudyTexts()[study]);
    expect(entry.answerText).not.toContain(TODAY_SENTENCE);
  });
});
