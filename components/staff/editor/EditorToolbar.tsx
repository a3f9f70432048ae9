/**
 * The editor's toolbar: only what the site's pages use. Bold and italic (no underline: on the web it reads as a
 * link), headings, lists, links (to the site's pages, from a list), tables, the site's components, a picture from
 * the staff member's device (picture-from-device.tsx), and the source view for those who want the Markdown.
 */
import {
  BlockTypeSelect,
  BoldItalicUnderlineToggles,
  CreateLink,
  DiffSourceToggleWrapper,
  InsertTable,
  insertJsx$,
  ListsToggle,
  Separator,
  UndoRedo,
  usePublisher,
} from "@mdxeditor/editor";
import { useId } from "react";
import { STAFF_COMPONENT_NAMES, staffComponentRules, type StaffComponentName } from "@/lib/content/components";
import { pictureFromDeviceOpen$ } from "./picture-from-device";
import { formFieldsOf } from "./schema-fields";

/** The Insert menu's choice that opens the picture upload rather than inserting a component. */
const PICTURE_FROM_DEVICE = "picture-from-device";

function InsertComponent() {
  const insertJsx = usePublisher(insertJsx$);
  const openPictureUpload = usePublisher(pictureFromDeviceOpen$);
  const id = useId();
  function insert(name: StaffComponentName) {
    const rule = staffComponentRules[name];
    // Fields start with their default (a Callout's type); the form beside the component says what the others need.
    const props = Object.fromEntries(
      formFieldsOf(rule.fields).flatMap((field) => (field.defaultValue === undefined ? [] : [[field.name, String(field.defaultValue)]])),
    );
    const words = rule.content === "none" ? undefined : [{ type: "paragraph" as const, children: [{ type: "text" as const, value: "" }] }];
    if (rule.placement === "inline") insertJsx({ kind: "text", name, props });
    else insertJsx({ kind: "flow", name, props, children: words });
  }
  return (
    <>
      <label htmlFor={id} className="sr-only">
        Insert one of the site&apos;s components
      </label>
      <select
        id={id}
        value=""
        className="min-h-tap rounded border-2 border-ink-muted px-2"
        onChange={(event) => {
          if (event.target.value === PICTURE_FROM_DEVICE) openPictureUpload(true);
          else if (event.target.value) insert(event.target.value as StaffComponentName);
        }}
      >
        <option value="">Insert…</option>
        <option value={PICTURE_FROM_DEVICE}>Picture from your device: upload a photo, then it goes in with its description</option>
        {STAFF_COMPONENT_NAMES.map((name) => (
          <option key={name} value={name} title={staffComponentRules[name].summary}>
            {name}: {staffComponentRules[name].summary}
          </option>
        ))}
      </select>
    </>
  );
}

export function EditorToolbar() {
  return (
    <DiffSourceToggleWrapper options={["rich-text", "source"]}>
      <UndoRedo />
      <Separator />
      <BlockTypeSelect />
      <BoldItalicUnderlineToggles options={["Bold", "Italic"]} />
      <ListsToggle options={["bullet", "number"]} />
      <Separator />
      <CreateLink />
      <InsertTable />
      <InsertComponent />
    </DiffSourceToggleWrapper>
  );
}
