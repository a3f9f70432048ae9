/** The self-check as a reader meets it: with JavaScript (the form) and as the server's HTML (the checklist). */
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { renderToString } from "react-dom/server";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { SelfCheck } from "@/components/self-check/SelfCheck";
import { getSelfCheckTexts } from "@/lib/self-check/texts";

// The page loads the form through next/dynamic, to keep its code off pages without the self-check; that
// splitting is the bundler's business (checked in the browser tests), so here the form is used directly.
vi.mock("@/components/self-check/LazySelfCheckForm", async () => ({
  LazySelfCheckForm: (await import("@/components/self-check/SelfCheckForm")).SelfCheckForm,
}));

const texts = getSelfCheckTexts();
const question = (id: string) => texts.questions.find((candidate) => candidate.id === id)!.question;

async function answer(user: ReturnType<typeof userEvent.setup>, answers: Record<string, "Yes" | "No" | "Not sure">) {
  for (const [id, label] of Object.entries(answers)) {
    await user.click(within(screen.getByRole("group", { name: new RegExp(escape(question(id))) })).getByRole("radio", { name: label }));
  }
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const MATCHING = {
  symptoms: "Yes",
  relief: "Yes",
  duration: "Yes",
  "tried-care": "Yes",
  imaging: "Yes",
  "blood-thinner": "No",
  "warning-signs": "No",
} as const;

// jsdom lays nothing out, so it has no scrolling; the result scrolls itself into view in a browser.
beforeAll(() => {
  Element.prototype.scrollIntoView ??= () => {};
});

afterEach(() => vi.restoreAllMocks());

// Each test clicks through several questions: on a busy machine that takes more than the default 5 s.
describe("the self-check with JavaScript", { timeout: 30_000 }, () => {
  it("asks every question as a group of three labelled radio buttons, with no form to submit", () => {
    const { container } = render(<SelfCheck />);
    const groups = screen.getAllByRole("group");
    expect(groups).toHaveLength(texts.questions.length);
    for (const group of groups) {
      expect(within(group).getAllByRole("radio").map((radio) => radio.closest("label")?.textContent)).toEqual(["Yes", "No", "Not sure"]);
    }
    expect(container.querySelector("form")).toBeNull();
    for (const button of screen.getAllByRole("button")) expect(button).toHaveAttribute("type", "button");
  });

  it("shows that the answers match, with the call and appointment buttons, and focuses the result", async () => {
    const user = userEvent.setup();
    render(<SelfCheck />);
    await answer(user, MATCHING);
    await user.click(screen.getByRole("button", { name: "See what my answers mean" }));
    expect(screen.getByRole("heading", { name: "What your answers may mean" })).toHaveFocus();
    expect(screen.getByText(texts.results.match.heading)).toBeVisible();
    expect(screen.getByRole("link", { name: "Call 501.224.4001" })).toHaveAttribute("href", "tel:+15012244001");
    expect(screen.getByRole("link", { name: "Request an appointment" })).toHaveAttribute("href", "/request-appointment");
    expect(screen.queryByRole("note", { name: "Emergency warning" })).toBeNull();
  });

  it("says other causes are possible when the answers do not match, and updates as answers change", async () => {
    const user = userEvent.setup();
    render(<SelfCheck />);
    await answer(user, { ...MATCHING, relief: "No", "blood-thinner": "Yes" });
    await user.click(screen.getByRole("button", { name: "See what my answers mean" }));
    expect(screen.getByText(texts.results["other-causes"].heading)).toBeVisible();
    expect(screen.getByText(texts.notes["blood-thinner"])).toBeVisible();
    await answer(user, { relief: "Yes" });
    expect(screen.getByText(texts.results.match.heading)).toBeVisible();
  });

  it("with a warning sign, shows the emergency notice first, whatever else was answered", async () => {
    const user = userEvent.setup();
    render(<SelfCheck />);
    await answer(user, { ...MATCHING, "warning-signs": "Yes" });
    await user.click(screen.getByRole("button", { name: "See what my answers mean" }));
    const notice = screen.getByRole("note", { name: "Emergency warning" });
    const heading = screen.getByRole("heading", { name: "What your answers may mean" });
    const resultBox = heading.parentElement!;
    // The first thing after the heading is the notice; the result's own words come after it.
    expect(heading.nextElementSibling).toBe(notice);
    expect(within(resultBox).getByText(texts.results.emergency.heading)).toBeVisible();
    expect(notice.compareDocumentPosition(within(resultBox).getByText(texts.results.emergency.heading))).toBe(Node.DOCUMENT_POSITION_FOLLOWING);
    expect(within(resultBox).queryByRole("link", { name: "Request an appointment" })).toBeNull();
  });

  it("says there are not enough answers yet, and which questions are left", async () => {
    const user = userEvent.setup();
    render(<SelfCheck />);
    await answer(user, { symptoms: "Yes", relief: "Not sure" });
    await user.click(screen.getByRole("button", { name: "See what my answers mean" }));
    expect(screen.getByText(texts.results.incomplete.heading)).toBeVisible();
    expect(screen.getByText("Still to answer: questions 3, 4, 5, 6, 7.")).toBeVisible();
  });

  it("prints the answers with the browser's print, and stores nothing", async () => {
    const print = vi.spyOn(window, "print").mockImplementation(() => {});
    const user = userEvent.setup();
    render(<SelfCheck />);
    await answer(user, MATCHING);
    await user.click(screen.getByRole("button", { name: "See what my answers mean" }));
    await user.click(screen.getByRole("button", { name: "Print my answers" }));
    expect(print).toHaveBeenCalledOnce();
    expect(screen.getAllByText((_, element) => element?.textContent === "My answer: Yes")).toHaveLength(5);
    expect([document.cookie, localStorage.length, sessionStorage.length, location.search, location.hash]).toEqual(["", 0, 0, "", ""]);
  });
});

describe("the self-check's HTML from the server, before any JavaScript runs", () => {
  it("is a checklist of every question followed by the rules in words, with no buttons", () => {
    document.body.innerHTML = renderToString(<SelfCheck />);
    expect(screen.getAllByRole("group")).toHaveLength(texts.questions.length);
    expect(screen.queryAllByRole("button")).toEqual([]);
    expect(screen.getByRole("heading", { name: "What your answers may mean" })).toBeInTheDocument();
    const rules = within(screen.getByRole("region", { name: texts.title })).getAllByRole("listitem").map((item) => item.textContent);
    expect(rules).toEqual([
      `If you answered Yes to question 7:${texts.results.emergency.heading}. ${texts.results.emergency.text}`,
      `If you answered Yes to questions 1, 2, 3 and 4:${texts.results.match.heading}. ${texts.results.match.text}`,
      `If you answered No or Not sure to any of questions 1, 2, 3 or 4:${texts.results["other-causes"].heading}. ${texts.results["other-causes"].text}`,
      `If you answered Yes or Not sure to question 6:${texts.notes["blood-thinner"]}`,
      `If you answered No or Not sure to question 5:${texts.notes["no-imaging"]}`,
    ]);
    expect(screen.getByRole("note", { name: "Emergency warning" })).toBeInTheDocument();
    document.body.innerHTML = "";
  });
});
