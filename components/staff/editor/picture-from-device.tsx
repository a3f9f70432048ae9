/**
 * "Picture from your device" in the editor's Insert menu: the choice opens PictureUpload above the page's words, and
 * the uploaded picture goes in as a <Figure> with its address and description; the Figure's form then asks for the
 * caption its schema requires (lib/content/components.ts), and the check counts the picture with the draft.
 * A plugin so the panel lives inside the editor (it inserts where the caret was, or at the end) yet outside the
 * toolbar, which scrolls sideways on a phone.
 */
import { addTopAreaChild$, Cell, insertJsx$, realmPlugin, useCellValue, usePublisher } from "@mdxeditor/editor";
import { STAFF_BUTTON_CLASSES } from "@/components/staff/fields";
import { PictureUpload, type InsertedPicture } from "./PictureUpload";

/** Whether the upload panel is open (the Insert menu opens it). */
export const pictureFromDeviceOpen$ = Cell(false);

/** The <Figure> for an uploaded picture: only the fields its schema has (no width or height; the site sizes it). */
export function figureOfPicture(picture: InsertedPicture) {
  return { kind: "flow" as const, name: "Figure", props: { src: picture.src, alt: picture.alt } };
}

function PictureFromDevice({ slug }: { slug: string }) {
  const open = useCellValue(pictureFromDeviceOpen$);
  const setOpen = usePublisher(pictureFromDeviceOpen$);
  const insertJsx = usePublisher(insertJsx$);
  if (!open) return null;
  return (
    <div className="grid gap-2 border-b-2 border-ink-muted p-3">
      <PictureUpload slug={slug} onInserted={(picture) => insertJsx(figureOfPicture(picture))} />
      <button type="button" className={`${STAFF_BUTTON_CLASSES} justify-self-start`} onClick={() => setOpen(false)}>
        Close the picture upload
      </button>
    </div>
  );
}

export const pictureFromDevicePlugin = realmPlugin<{ slug: string }>({
  init(realm, params) {
    const slug = params!.slug;
    realm.pub(addTopAreaChild$, () => <PictureFromDevice slug={slug} />);
  },
});
