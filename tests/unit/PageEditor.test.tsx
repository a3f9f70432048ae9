/**
 * The page editor as staff see it (jsdom, the real MDXEditor): saving as they type, a dropped connection that
 * loses nothing, a newer version saved by someone else, who else is editing, and the check's problems.
 */
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PageEditor } from "@/components/staff/editor/PageEditor";
import { readSaveDraftForm, type EditorSaveResult, type SaveDraftInput } from "@/components/staff/editor/types";

const PATH = "content/benefits.mdx";
const SOURCE = readFileSync(path.join(process.cwd(), PATH), "utf8");
const NO_PROBLEMS = { problems: [], readingLevel: { grade: 6.2 } };
const choices = { pages: [{ href: "/benefits", title: "Benefits" }], references: [] };

function savedAnswer(input: SaveDraftInput, version: number): EditorSaveResult {
  return { status: "saved", version, source: input.source, check: NO_PROBLEMS };
}

/** The editor, its saves answered by `saveDraft` (given what the form sent, as the server action reads it). */
function openEditor(saveDraft: (input: SaveDraftInput) => Promise<EditorSaveResult>, extra: Partial<Parameters<typeof PageEditor>[0]> = {}) {
  const save = (form: FormData) => saveDraft(readSaveDraftForm(form));
  return render(<PageEditor path={PATH} slug="benefits" source={SOURCE} version={3} check={NO_PROBLEMS} choices={choices} saveDraft={save} timeZone="America/Chicago" {...extra} />);
}

beforeEach(() => window.localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

test("a changed title is saved as the person types, with only the title's line changed", async () => {
  // A server like the real one: each save makes the next version. How many saves typing makes depends on how fast
  // the person (or a loaded test machine) types; each must build on the version the one before it made.
  const saves: SaveDraftInput[] = [];
  const versionsSeen: number[] = [];
  let serverVersion = 3;
  openEditor(async (input) => {
    saves.push(input);
    versionsSeen.push(serverVersion);
    serverVersion += 1;
    return savedAnswer(input, serverVersion);
  });
  const title = screen.getByRole("textbox", { name: "Title" });
  await userEvent.clear(title);
  await userEvent.type(title, "Benefits of MILD and the choices");
  expect(await screen.findByText("Saved")).toBeInTheDocument();
  await waitFor(() => expect(saves.at(-1)?.source).toBe(SOURCE.replace('title: "Benefits of MILD and other choices"', 'title: "Benefits of MILD and the choices"')));
  expect(saves.map((save) => save.baseVersion)).toEqual(versionsSeen);
  expect(saves[0]?.baseVersion).toBe(3);
  expect(screen.getByText("32 characters (at least 10, at most 45)")).toBeInTheDocument();
});

test("a title over its limit says so while typing", async () => {
  openEditor(async (input) => savedAnswer(input, 4));
  const title = screen.getByRole("textbox", { name: "Title" });
  await userEvent.type(title, " and much more besides that");
  expect(await screen.findByText(/Title: must be at most 45 characters \(it has 61\)/)).toBeInTheDocument();
});

test("a dropped connection keeps the text in the browser and retries until the server has it", async () => {
  let online = false;
  const saves: SaveDraftInput[] = [];
  openEditor(async (input) => {
    if (!online) throw new TypeError("Failed to fetch");
    saves.push(input);
    return savedAnswer(input, 4);
  });
  await userEvent.type(screen.getByRole("textbox", { name: "Menu label" }), "!");
  expect(await screen.findByText("Not saved — retrying")).toBeInTheDocument();
  expect(JSON.parse(window.localStorage.getItem(`staff-editor:${PATH}`) ?? "{}")).toEqual({ source: SOURCE.replace('navLabel: "Benefits"', 'navLabel: "Benefits!"'), baseVersion: 3 });
  online = true;
  window.dispatchEvent(new Event("online"));
  expect(await screen.findByText("Saved")).toBeInTheDocument();
  expect(saves.at(-1)?.source).toContain('navLabel: "Benefits!"');
  expect(window.localStorage.getItem(`staff-editor:${PATH}`)).toBeNull();
});

test("a text kept in the browser comes back when the page is opened again, and is saved", async () => {
  const kept = SOURCE.replace('navLabel: "Benefits"', 'navLabel: "Benefits kept"');
  window.localStorage.setItem(`staff-editor:${PATH}`, JSON.stringify({ source: kept, baseVersion: 3 }));
  const saves: SaveDraftInput[] = [];
  openEditor(async (input) => {
    saves.push(input);
    return savedAnswer(input, 4);
  });
  expect(screen.getByRole("textbox", { name: "Menu label" })).toHaveValue("Benefits kept");
  expect(await screen.findByText("Saved")).toBeInTheDocument();
  expect(saves.at(-1)?.source).toBe(kept);
});

test("a save over a newer version says who saved it and when, and keeps the person's text", async () => {
  openEditor(async (input) => ({
    status: "conflict",
    current: { version: 5, source: SOURCE, savedBy: "Ana", savedAt: "2026-12-02T16:42:00.000Z" },
    message: `Ana saved a newer version; your text was not saved. ${input.source.length}`,
  }));
  await userEvent.type(screen.getByRole("textbox", { name: "Menu label" }), "?");
  const alert = await screen.findByRole("alert");
  expect(alert).toHaveTextContent("Ana saved a newer version at 10:42 AM; your text is kept below.");
  expect(screen.getByRole("textbox", { name: "Your text" })).toHaveValue(SOURCE.replace('navLabel: "Benefits"', 'navLabel: "Benefits?"'));
});

test("the person is told who else is editing the page", async () => {
  openEditor(async (input) => savedAnswer(input, 4), { markEditing: async () => ({ otherEditor: { name: "Ana" } }) });
  expect(await screen.findByText("Ana is editing this page")).toBeInTheDocument();
});

test("the check's problems are listed with where they are, and the reading grade", () => {
  openEditor(async (input) => savedAnswer(input, 4), {
    check: {
      problems: [
        { line: 10, column: 5, severity: "error", message: 'do not write "risk-free": say what the risks are' },
        { line: 2, severity: "warning", message: "`title` is long" },
      ],
      readingLevel: { grade: 7.5 },
    },
  });
  expect(screen.getByText(/1 problem stops publishing, 1 to look at\. Reading grade 7\.5\./)).toBeInTheDocument();
  expect(screen.getByText(/Line 2 of the words/).closest("li")).toHaveTextContent('do not write "risk-free"');
  expect(screen.getByText(/\(Page settings\)/).closest("li")).toHaveTextContent("`title` is long");
  // The settings form says it beside the field too.
  expect(screen.getByText("Title: is long")).toBeInTheDocument();
});

test("a picture from the device, chosen in the Insert menu, is uploaded to the page's draft and saved as a <Figure> whose caption the form then asks for", async () => {
  // The upload endpoint stands in: it answers the one request with the picture's address and size.
  const sent: string[] = [];
  vi.stubGlobal(
    "XMLHttpRequest",
    class {
      status = 0;
      responseText = "";
      responseURL = "";
      upload = { onprogress: null };
      onload: (() => void) | null = null;
      open(_method: string, url: string) {
        sent.push(url);
        this.responseURL = `https://clinic.example${url}`;
      }
      send() {
        Object.assign(this, { status: 200, responseText: JSON.stringify({ src: "/images/front-desk-3f2a1c0b.jpg", width: 1200, height: 800 }) });
        queueMicrotask(() => this.onload?.());
      }
      getResponseHeader() {
        return "application/json";
      }
    },
  );
  const saves: SaveDraftInput[] = [];
  openEditor(async (input) => {
    saves.push(input);
    return savedAnswer(input, 4);
  });
  const user = userEvent.setup();
  await user.selectOptions(screen.getByLabelText("Insert one of the site's components"), "Picture from your device: upload a photo, then it goes in with its description");
  const upload = within(await screen.findByRole("group", { name: "Add a picture" }));
  await user.upload(upload.getByLabelText(/^Picture/), new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], "Front Desk.jpg", { type: "image/jpeg" }));
  await user.type(upload.getByLabelText(/^Description/), "The front desk, with a nurse");
  await user.click(upload.getByRole("button", { name: "Upload and insert" }));

  expect(await screen.findByText("The picture is inserted into the page: write its caption there.")).toBeInTheDocument();
  expect(sent).toEqual(["/staff/pages/benefits/pictures"]);
  const figure = await screen.findByRole("group", { name: /^Figure:/ });
  expect(within(figure).getByRole("textbox", { name: "caption" })).toHaveAccessibleDescription(/is missing|is empty/);
  await waitFor(() => expect(saves.at(-1)?.source).toMatch(/<Figure src="\/images\/front-desk-3f2a1c0b\.jpg" alt="The front desk, with a nurse" \/>/));
});
