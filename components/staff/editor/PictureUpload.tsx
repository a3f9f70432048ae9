"use client";

/**
 * Adds a picture to the page being edited: a JPEG, PNG or WebP from the staff member's computer or phone, with the
 * description (alt text) a <Figure> requires, uploaded to the page's draft (app/staff/pages/[slug]/pictures), which
 * judges and re-encodes it. The progress is shown as it goes (XMLHttpRequest: fetch cannot report an upload's
 * progress); a refusal is shown in the server's words; an accepted picture goes to the editor through `onInserted`.
 * Not a <form>: it stands inside the editor's own.
 */
import { useId, useRef, useState } from "react";
import { StaffAlert, StaffField, STAFF_BUTTON_CLASSES } from "@/components/staff/fields";
import { PICTURE_DESCRIPTION_RULE } from "@/lib/content/picture-description";
import { ACCEPTED_PICTURE_TYPES, MAX_UPLOAD_BYTES, PICTURE_FIELD, PICTURE_TOO_LARGE } from "@/lib/publishing/picture-upload-form";
import { pagePicturesPath, STAFF_SIGN_IN_PATH } from "@/lib/staff/paths";

/** What the editor writes into a <Figure> (its caption is the editor's to ask for). */
export interface InsertedPicture {
  /** The picture's address on the site, e.g. `/images/front-desk-3f2a1c0b.jpg`. */
  src: string;
  alt: string;
  width: number;
  height: number;
}

export interface PictureUploadProps {
  /** The page's file name without `.mdx` (`benefits`; `index` for the home page): the draft the picture joins. */
  slug: string;
  onInserted: (picture: InsertedPicture) => void;
}

type UploadState =
  | { status: "idle" }
  | { status: "uploading"; percent: number | undefined }
  | { status: "inserted" }
  | { status: "refused"; message: string };

const NOT_SENT = "The picture could not be sent: check the connection, then upload it again.";
const SIGNED_OUT = "You were signed out, so the picture was not uploaded: sign in again in another tab (this page keeps your work), then upload it again.";
const NOT_AN_EDITOR = "Only staff who may edit pages can upload pictures: ask an admin for the edit ability.";

interface ServerAnswer {
  status: number;
  contentType: string;
  body: string;
  /** The address that answered: the sign-in page when the session had ended (the upload was redirected there). */
  url: string;
}

function send(address: string, form: FormData, onProgress: (percent: number) => void): Promise<ServerAnswer> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", address);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onload = () =>
      resolve({ status: request.status, contentType: request.getResponseHeader("content-type") ?? "", body: request.responseText, url: request.responseURL });
    request.onerror = () => reject(new Error(NOT_SENT));
    request.send(form);
  });
}

/** The server's answer as the editor's picture, or the sentence to show. */
function readAnswer(answer: ServerAnswer): { picture: Omit<InsertedPicture, "alt"> } | { message: string } {
  if (answer.url && new URL(answer.url, "https://x.invalid").pathname === STAFF_SIGN_IN_PATH) return { message: SIGNED_OUT };
  if (answer.contentType.startsWith("application/json")) {
    try {
      const body = JSON.parse(answer.body) as Partial<Omit<InsertedPicture, "alt">> & { message?: string };
      if (answer.status === 200 && typeof body.src === "string" && typeof body.width === "number" && typeof body.height === "number") {
        return { picture: { src: body.src, width: body.width, height: body.height } };
      }
      if (typeof body.message === "string") return { message: body.message };
    } catch {
      // Not the upload's answer: said below by its status.
    }
  }
  if (answer.status === 403) return { message: NOT_AN_EDITOR };
  if (answer.status === 413) return { message: PICTURE_TOO_LARGE };
  if (answer.status === 200) return { message: SIGNED_OUT };
  return { message: `The picture could not be uploaded (the server answered ${answer.status}): try again in a minute.` };
}

export function PictureUpload({ slug, onInserted }: PictureUploadProps) {
  const id = useId();
  const fileField = `${id}-picture`;
  const descriptionField = `${id}-description`;
  const fileInput = useRef<HTMLInputElement>(null);
  const [description, setDescription] = useState("");
  const [descriptionError, setDescriptionError] = useState<string>();
  const [state, setState] = useState<UploadState>({ status: "idle" });
  const uploading = state.status === "uploading";

  async function upload() {
    const file = fileInput.current?.files?.[0];
    const alt = description.trim();
    setDescriptionError(alt ? undefined : `Description is empty: ${PICTURE_DESCRIPTION_RULE}.`);
    if (!file) return setState({ status: "refused", message: "Choose a picture first: a JPEG, PNG or WebP of at most 10 MB." });
    if (file.size > MAX_UPLOAD_BYTES) return setState({ status: "refused", message: PICTURE_TOO_LARGE });
    if (!alt) return setState({ status: "idle" });
    const form = new FormData();
    form.append(PICTURE_FIELD, file, file.name);
    setState({ status: "uploading", percent: undefined });
    let answer: ServerAnswer;
    try {
      answer = await send(pagePicturesPath(slug), form, (percent) => setState({ status: "uploading", percent }));
    } catch {
      return setState({ status: "refused", message: NOT_SENT });
    }
    const read = readAnswer(answer);
    if ("message" in read) return setState({ status: "refused", message: read.message });
    onInserted({ ...read.picture, alt });
    setDescription("");
    if (fileInput.current) fileInput.current.value = "";
    setState({ status: "inserted" });
  }

  return (
    // min-w-0: a fieldset is at least as wide as its content by default, which on a phone widened the whole page.
    <fieldset className="min-w-0 space-y-4 rounded-lg border-2 border-brand-200 p-4">
      <legend className="px-1 text-lg font-bold">Add a picture</legend>
      <div>
        <label htmlFor={fileField} className="block text-lg font-bold">
          Picture
        </label>
        <p id={`${fileField}-hint`} className="text-ink-muted">
          A photo or picture saved as JPEG, PNG or WebP, at most 10 MB. Location and camera details are removed.
        </p>
        <input
          ref={fileInput}
          id={fileField}
          type="file"
          accept={ACCEPTED_PICTURE_TYPES}
          aria-describedby={`${fileField}-hint`}
          disabled={uploading}
          onChange={() => setState({ status: "idle" })}
          className="mt-2 block min-h-tap max-w-full text-base"
        />
      </div>
      <StaffField
        name={descriptionField}
        label="Description (alt text)"
        hint={`Required: ${PICTURE_DESCRIPTION_RULE}. Screen readers read it aloud.`}
        error={descriptionError}
        value={description}
        disabled={uploading}
        onChange={(event) => setDescription(event.target.value)}
      />
      <button type="button" className={STAFF_BUTTON_CLASSES} disabled={uploading} onClick={() => void upload()}>
        Upload and insert
      </button>
      {state.status === "uploading" && (
        <p role="status" className="flex items-center gap-3 text-lg">
          <progress max={100} value={state.percent} aria-label="Upload progress" />
          Uploading…{state.percent === undefined ? "" : ` ${state.percent}%`}
        </p>
      )}
      {state.status === "inserted" && (
        <p role="status" className="text-lg">
          The picture is inserted into the page: write its caption there.
        </p>
      )}
      {state.status === "refused" && <StaffAlert>{state.message}</StaffAlert>}
    </fieldset>
  );
}
