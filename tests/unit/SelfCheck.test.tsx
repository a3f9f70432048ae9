/** The self-check as a reader meets it: with JavaScript (the form) and as the server's HTML (the checklist). */
import { render, screen, waitFor, within } from "@testing-library/react";
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
    // Focus moves in the form's effect after the result renders: wait for it as a screen reader user would.
    await waitFor(() => expect(screen.getByRole("heading", { name: "What your answers may mean" })).toHaveFocus());
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

  it("asks about the warning signs of an emergency first", () => {
    render(<SelfCheck />);
    expect(screen.getAllByRole("group")[0]).toHaveAccessibleName(`1. ${question("warning-signs")}`);
  });

  it.each([
    ["Yes", "emergency"],
    ["Not sure", "check-today"],
  ] as const)("answering %s to the warning signs says what to do at once, in an alert, with focus left on the answer", async (label, result) => {
    const user = userEvent.setup();
    render(<SelfCheck />);
    const alert = screen.getByRole("alert");
    expect(alert).toBeEmptyDOMElement();
    await answer(user, { "warning-signs": label });
    // Nothing else answered, no button pressed: a screen reader announces the alert; focus stays where it was.
    expect(within(screen.getByRole("group", { name: new RegExp(escape(question("warning-signs"))) })).getByRole("radio", { name: label })).toHaveFocus();
    expect(alert).toHaveTextContent(texts.results[result].heading);
    expect(alert).toHaveTextContent(texts.results[result].text);
    expect(within(alert).getByRole("link", { name: "Call 911" })).toHaveAttribute("href", "tel:911");
    expect(document.documentElement.classList.contains("emergency-result-shown")).toBe(result === "emergency");
    await answer(user, { "warning-signs": "No" });
    expect(alert).toBeEmptyDOMElement();
    expect(document.documentElement).not.toHaveClass("emergency-result-shown");
  });

  it("with a warning sign, says what to do in the heading, then the emergency notice and a button that calls 911", async () => {
    const user = userEvent.setup();
    render(<SelfCheck />);
    await answer(user, { ...MATCHING, "warning-signs": "Yes" });
    await user.click(screen.getByRole("button", { name: "See what my answers mean" }));
    const heading = screen.getByRole("heading", { name: "Call 911 or go to the emergency room now" });
    await waitFor(() => expect(heading).toHaveFocus());
    expect(texts.results.emergency.heading).toBe("Call 911 or go to the emergency room now");
    expect(screen.queryByRole("heading", { name: "What your answers may mean" })).toBeNull();
    const notice = screen.getByRole("note", { name: "Emergency warning" });
    const resultBox = heading.parentElement!;
    // The first thing after the heading is the notice; the result's own words and the 911 button come after it.
    expect(heading.nextElementSibling).toBe(notice);
    expect(within(resultBox).getByText(texts.results.emergency.text)).toBeVisible();
    expect(within(resultBox).getByRole("link", { name: "Call 911" })).toHaveAttribute("href", "tel:911");
    expect(within(resultBox).queryByRole("link", { name: "Request an appointment" })).toBeNull();
    expect(within(resultBox).queryByRole("link", { name: "Call 501.224.4001" })).toBeNull();
  });

  it("while the emergency result is shown, tells the page to hide the clinic's call bar, and stops when it is not", async () => {
    const user = userEvent.setup();
    const { unmount } = render(<SelfCheck />);
    await answer(user, { ...MATCHING, "warning-signs": "Yes" });
    // Shown as soon as the warning sign is answered Yes, before the reader asks for the result.
    expect(document.documentElement).toHaveClass("emergency-result-shown");
    await user.click(screen.getByRole("button", { name: "See what my answers mean" }));
    expect(document.documentElement).toHaveClass("emergency-result-shown");
    await answer(user, { "warning-signs": "No" });
    expect(screen.getByText(texts.results.match.heading)).toBeVisible();
    expect(document.documentElement).not.toHaveClass("emergency-result-shown");
    await answer(user, { "warning-signs": "Yes" });
    expect(document.documentElement).toHaveClass("emergency-result-shown");
    unmount();
    expect(document.documentElement).not.toHaveClass("emergency-result-shown");
  });

  it("not sure about a warning sign: \"get checked today\" after the emergency notice, not a match", async () => {
    const user = userEvent.setup();
    render(<SelfCheck />);
    await answer(user, { ...MATCHING, "warning-signs": "Not sure" });
    await user.click(screen.getByRole("button", { name: "See what my answers mean" }));
    const heading = screen.getByRole("heading", { name: "What your answers may mean" });
    expect(heading.nextElementSibling).toBe(screen.getByRole("note", { name: "Emergency warning" }));
    expect(texts.results["check-today"].heading).toBe("Get checked today");
    expect(within(heading.parentElement!).getByText("Get checked today")).toBeVisible();
    expect(screen.queryByText(texts.results.match.heading)).toBeNull();
    expect(document.documentElement).not.toHaveClass("emergency-result-shown");
  });

  it("symptoms for under 3 months, or no therapy tried yet: other care usually comes first, not another cause", async () => {
    const user = userEvent.setup();
    render(<SelfCheck />);
    await answer(user, { ...MATCHING, duration: "No" });
    await user.click(screen.getByRole("button", { name: "See what my answers mean" }));
    expect(screen.getByText("Other care usually comes first")).toBeVisible();
    expect(screen.getByText(/physical therapy, exercise or pain medication first/)).toBeVisible();
    expect(screen.queryByText(texts.results["other-causes"].heading)).toBeNull();
    await answer(user, { duration: "Yes", "tried-care": "No" });
    expect(screen.getByText("Other care usually comes first")).toBeVisible();
  });

  it("names common blood thinners, so readers know whether they take one", () => {
    render(<SelfCheck />);
    const group = screen.getByRole("group", { name: new RegExp(escape(question("blood-thinner"))) });
    expect(group).toHaveAccessibleDescription(/warfarin \(Coumadin\), apixaban \(Eliquis\), rivaroxaban \(Xarelto\) and clopidogrel \(Plavix\)/);
  });

  it("asks about weakness, heaviness and cramping as well as pain, numbness and tingling", () => {
    render(<SelfCheck />);
    expect(screen.getByRole("group", { name: /pain, numbness, tingling, weakness, heaviness or cramping/ })).toBeInTheDocument();
  });

  it("says there are not enough answers yet, and which questions are left", async () => {
    const user = userEvent.setup();
    render(<SelfCheck />);
    await answer(user, { symptoms: "Yes", relief: "Not sure" });
    await user.click(screen.getByRole("button", { name: "See what my answers mean" }));
    expect(screen.getByText(texts.results.incomplete.heading)).toBeVisible();
    expect(screen.getByText("Still to answer: questions 1, 4, 5, 6, 7.")).toBeVisible();
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
    const region = screen.getByRole("region", { name: texts.title });
    expect(region).toHaveTextContent("Start at the top. The first answer below that fits yours is what your answers may mean.");
    const rules = within(region).getAllByRole("listitem").map((item) => item.textContent);
    expect(rules).toEqual([
      `If you answered Yes to question 1:${texts.results.emergency.heading}. ${texts.results.emergency.text}Call 911`,
      `If you answered Not sure to question 1:${texts.results["check-today"].heading}. ${texts.results["check-today"].text}`,
      `If you answered Yes to questions 2, 3, 4 and 5:${texts.results.match.heading}. ${texts.results.match.text}`,
      `If you answered Yes to questions 2 and 3, and No or Not sure to any of questions 4 or 5:${texts.results["try-other-care-first"].heading}. ${texts.results["try-other-care-first"].text}`,
      `If you answered No or Not sure to any of questions 2 or 3:${texts.results["other-causes"].heading}. ${texts.results["other-causes"].text}`,
      `If you answered Yes or Not sure to question 7:${texts.notes["blood-thinner"]}`,
      `If you answered No or Not sure to question 6:${texts.notes["no-imaging"]}`,
    ]);
    expect(within(region).getByRole("link", { name: "Call 911" })).toHaveAttribute("href", "tel:911");
    // A page can link to it, with or without JavaScript: [Take the self-check](#self-check).
    expect(region.closest("#self-check")).not.toBeNull();
    expect(screen.getByRole("note", { name: "Emergency warning" })).toBeInTheDocument();
    // No alert that nothing could ever fill.
    expect(screen.queryByRole("alert")).toBeNull();
    document.body.innerHTML = "";
  });
});
