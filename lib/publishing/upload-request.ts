/**
 * The editor's picture upload as it arrives (app/staff/pages/[slug]/pictures/route.ts): one file in a multipart
 * post of at most UPLOAD_POST_MAX_BYTES, counted as it is read, so a larger one is refused without being read whole
 * (proxy.ts has already refused one that declares a larger length).
 */
import { PICTURE_FIELD, PICTURE_TOO_LARGE, UPLOAD_POST_MAX_BYTES } from "./picture-upload-form";
import type { PictureUpload } from "./pictures";

export type PictureUploadRequest = { ok: true; upload: PictureUpload } | { ok: false; status: 400 | 413; message: string };

const NOT_WHOLE = "The picture did not arrive whole: choose it again and upload it once more.";

/** The body's bytes, or undefined as soon as there are more than `limit` (the rest is never read). */
async function readAtMost(body: ReadableStream<Uint8Array> | null, limit: number): Promise<Buffer<ArrayBuffer> | undefined> {
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks, total);
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
}

export async function readPictureUpload(request: Request): Promise<PictureUploadRequest> {
  const tooLarge = { ok: false, status: 413, message: PICTURE_TOO_LARGE } as const;
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > UPLOAD_POST_MAX_BYTES) return tooLarge;
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\b/i.test(type)) return { ok: false, status: 400, message: NOT_WHOLE };
  let body: Buffer<ArrayBuffer> | undefined;
  try {
    body = await readAtMost(request.body, UPLOAD_POST_MAX_BYTES);
  } catch {
    return { ok: false, status: 400, message: NOT_WHOLE };
  }
  if (body === undefined) return tooLarge;
  let form: FormData;
  try {
    form = await new Response(body, { headers: { "content-type": type } }).formData();
  } catch {
    return { ok: false, status: 400, message: NOT_WHOLE };
  }
  const file = form.get(PICTURE_FIELD);
  if (!(file instanceof File)) return { ok: false, status: 400, message: "Choose a picture to upload (JPEG, PNG or WebP, at most 10 MB)." };
  return { ok: true, upload: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } };
}
