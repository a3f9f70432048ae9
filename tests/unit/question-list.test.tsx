/**
 * /faq opens with the list of its questions, each a link to its answer. The list is made from the page's `##`
 * headings when the page is rendered, so it follows the page when staff add, reword or remove a question.
 */
import fs from "node:fs";
import path from "node:path";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { parseContentPage } from "@/lib/content/pages";
import { renderPageSource } from "@/lib/content/render-page";

const FILE = "content/faq.mdx";
const published = fs.readFileSync(path.join(process.cwd(), FILE), "utf8");

async function render(source: string): Promise<Document> {
  const page = parseContentPage(FILE, source);
  if (Array.isArray(page)) throw new Error(page.map((problem) => problem.message).join("\n"));
  return new DOMParser().parseFromString(renderToStaticMarkup(await renderPageSource(page, source)), "text/html");
}

/** The list's links as [words, target], and the page's questions as [words, id]. */
function listAndQuestions(document: Document) {
  const nav = document.querySelector('nav[aria-label="Questions on this page"]');
  const links = [...(nav?.querySelectorAll("a") ?? [])].map((link) => [link.textContent, link.getAttribute("href")]);
  const questions = [...document.querySelectorAll("main h2")].map((heading) => [heading.textContent, `#${heading.id}`]);
  return { nav, links, questions };
}

describe("the FAQ's list of questions", () => {
  it("lists every question on /faq, in order, each linking to its answer's heading, before the first answer", async () => {
    const document = await render(published);
    const { nav, links, questions } = listAndQuestions(document);
    expect(nav).not.toBeNull();
    const questionCount = published.match(/^## /gm)!.length;
    expect(questionCount).toBeGreaterThanOrEqual(17);
    expect(questions).toHaveLength(questionCount);
    expect(links).toEqual(questions);
    expect(new Set(questions.map(([, id]) => id)).size).toBe(questionCount);
    expect(questions[0]).toEqual(["What is the MILD procedure?", "#what-is-the-mild-procedure"]);
    // Before the first answer: nav precedes the first question in the document.
    const firstQuestion = document.querySelector("main h2")!;
    expect(nav!.compareDocumentPosition(firstQuestion) & 4 /* DOCUMENT_POSITION_FOLLOWING */).toBeTruthy();
  });

  it("follows the page: a question staff add is in the list, and one they remove is not", async () => {
    const edited = published
      .replace("## How long does the procedure take?", "## Can I drive myself home?\n\nNo. Someone must drive you home.\n\n## How long does the procedure take?")
      .replace(/## What happens if I do nothing\?[\s\S]*?(?=\n## )/, "");
    const { links, questions } = listAndQuestions(await render(edited));
    expect(links).toEqual(questions);
    expect(links).toContainEqual(["Can I drive myself home?", "#can-i-drive-myself-home"]);
    expect(links.map(([words]) => words)).not.toContain("What happens if I do nothing?");
  });
});
