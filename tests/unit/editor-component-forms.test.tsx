/**
 * The site's components in the editor: each shows a small form with its fields and their rules, from the same
 * schema the content check applies, and what is typed there is what the page's Markdown gets.
 */
import { MDXEditor, type MDXEditorMethods } from "@mdxeditor/editor";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createRef } from "react";
import { EditorChoicesProvider } from "@/components/staff/editor/editor-choices";
import { EDITOR_MARKDOWN_STYLE, editorPlugins } from "@/components/staff/editor/editor-plugins";

const choices = { pages: [], references: [{ id: "staats-2018", label: "Staats PS, et al. 2018" }, { id: "deer-2024", label: "Deer TR, et al. 2024" }] };

function openEditor(markdown: string) {
  const editor = createRef<MDXEditorMethods>();
  render(
    <EditorChoicesProvider choices={choices}>
      <MDXEditor ref={editor} markdown={markdown} toMarkdownOptions={EDITOR_MARKDOWN_STYLE} plugins={editorPlugins({ choices })} />
    </EditorChoicesProvider>,
  );
  return editor;
}

test("a picture without its description says what to write, and the description typed is saved", async () => {
  const editor = openEditor('<Figure src="/images/spine.svg" alt="" caption="The lower back." />\n');
  const figure = await screen.findByRole("group", { name: /^Figure:/ });
  const alt = within(figure).getByRole("textbox", { name: "alt" });
  expect(alt).toHaveAccessibleDescription("<Figure> `alt` is empty: describe what the picture shows, for people who cannot see it");
  await userEvent.type(alt, "A drawing of the lower back");
  await waitFor(() => expect(editor.current?.getMarkdown()).toContain('alt="A drawing of the lower back"'));
  expect(within(figure).getByRole("textbox", { name: "alt" })).toHaveAccessibleDescription("describe what the picture shows, for people who cannot see it");
});

test("a callout's type is chosen from the schema's list", async () => {
  const editor = openEditor('<Callout type="info">\n\nCall us.\n\n</Callout>\n');
  const callout = await screen.findByRole("group", { name: /^Callout:/ });
  const type = within(callout).getByRole("combobox", { name: "type" });
  expect(within(type).getAllByRole("option").map((option) => option.textContent)).toEqual(["info", "important", "emergency"]);
  await userEvent.selectOptions(type, "emergency");
  await waitFor(() => expect(editor.current?.getMarkdown()).toContain('<Callout type="emergency">'));
});

test("a citation is chosen from the references by their citation", async () => {
  const editor = openEditor('MILD helps <Cite id="staats-2018" />.\n');
  const cite = await screen.findByRole("group", { name: /^Cite:/ });
  const id = within(cite).getByRole("combobox", { name: "id" });
  expect(within(id).getAllByRole("option").map((option) => option.textContent)).toEqual(["Choose…", "Staats PS, et al. 2018", "Deer TR, et al. 2024"]);
  await userEvent.selectOptions(id, "deer-2024");
  await waitFor(() => expect(editor.current?.getMarkdown()).toContain('<Cite id="deer-2024" />'));
});
