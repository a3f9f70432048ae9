/**
 * What the page editor can write, and how it writes it: only the Markdown the site uses (headings from `##`, lists,
 * bold and italic, links, tables) and the site's own components. The round-trip tests load every page through these
 * same plugins, so what they prove holds for the editor staff use.
 */
import {
  diffSourcePlugin,
  headingsPlugin,
  jsxPlugin,
  linkDialogPlugin,
  linkPlugin,
  listsPlugin,
  markdownShortcutPlugin,
  realmPlugin,
  tablePlugin,
  toolbarPlugin,
  type JsxComponentDescriptor,
  type MDXEditorProps,
  type NodeRef,
  type RealmPlugin,
  type ViewMode,
} from "@mdxeditor/editor";
import * as mdxEditor from "@mdxeditor/editor";
import { mdxJsxToMarkdown } from "mdast-util-mdx-jsx";
import type { ReactNode } from "react";
import { formFieldsOf } from "./schema-fields";
import { ComponentFieldsEditor } from "./ComponentFieldsEditor";
import type { EditorChoices } from "./editor-choices";
import { pictureFromDevicePlugin } from "./picture-from-device";
import { STAFF_COMPONENT_NAMES, staffComponentRules } from "@/lib/content/components";

type ToMarkdownOptions = NonNullable<MDXEditorProps["toMarkdownOptions"]>;

/** The Markdown style of content/*.mdx, so new lines look like the lines around them. */
export const EDITOR_MARKDOWN_STYLE: ToMarkdownOptions = { bullet: "-", emphasis: "*", strong: "*", rule: "-", listItemIndent: "one" };

/** Components with long fields are written one field a line, as the pages in git write them. */
const COMPONENT_LINE_WIDTH = 100;

/**
 * MDXEditor keeps the signal that adds a Markdown writer extension out of its public types; it is how the editor's
 * own plugins register theirs. Ours replaces the JSX writer with one that wraps long tags (last registered wins).
 */
const { addToMarkdownExtension$ } = mdxEditor as unknown as { addToMarkdownExtension$: NodeRef<ToMarkdownOptions> };

const wrapLongComponentsPlugin = realmPlugin({
  init(realm) {
    realm.pub(addToMarkdownExtension$, mdxJsxToMarkdown({ printWidth: COMPONENT_LINE_WIDTH }));
  },
});

export const componentDescriptors: JsxComponentDescriptor[] = STAFF_COMPONENT_NAMES.map((name) => {
  const rule = staffComponentRules[name];
  return {
    name,
    kind: rule.placement === "inline" ? "text" : "flow",
    props: formFieldsOf(rule.fields).map((field) => ({ name: field.name, type: "string", required: field.required })),
    hasChildren: rule.content !== "none",
    Editor: ComponentFieldsEditor,
  };
});

export interface EditorPluginOptions {
  choices: EditorChoices;
  /** The toolbar, when the editor is shown to a person (the tests load pages without one). */
  toolbar?: () => ReactNode;
  /** The page's slug, when pictures may be uploaded to its draft (the toolbar's Insert menu opens the upload). */
  pictureSlug?: string;
  viewMode?: ViewMode;
}

export function editorPlugins({ choices, toolbar, pictureSlug, viewMode = "rich-text" }: EditorPluginOptions): RealmPlugin[] {
  return [
    // The page's title is its only `#` heading (the layout shows it); the words start at `##`.
    headingsPlugin({ allowedHeadingLevels: [2, 3, 4] }),
    listsPlugin(),
    linkPlugin(),
    linkDialogPlugin({ linkAutocompleteSuggestions: choices.pages.map((page) => page.href) }),
    tablePlugin(),
    jsxPlugin({ jsxComponentDescriptors: componentDescriptors }),
    wrapLongComponentsPlugin(),
    markdownShortcutPlugin(),
    diffSourcePlugin({ viewMode }),
    ...(toolbar ? [toolbarPlugin({ toolbarContents: toolbar })] : []),
    ...(pictureSlug === undefined ? [] : [pictureFromDevicePlugin({ slug: pictureSlug })]),
  ];
}
