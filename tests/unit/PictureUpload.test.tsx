/**
 * The editor's picture upload (components/staff/editor/PictureUpload.tsx): a JPEG, PNG or WebP with its required
 * description, sent to the page's upload address with its progress shown, the server's refusal in words, and on
 * success what the editor needs for a <Figure>. The server is a stand-in XMLHttpRequest the test answers.
 */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { PictureUpload } from "@/components/staff/editor/PictureUpload";
import { MAX_UPLOAD_BYTES, PICTURE_TOO_LARGE } from "@/lib/publishing/picture-upload-form";

/** The browser's XMLHttpRequest as the component uses it; each one sent waits for the test to answer it. */
class ServerStandIn {
  static sent: ServerStandIn[] = [];
  method = "";
  url = "";
  body: FormData | undefined;
  status = 0;
  responseText = "";
  responseURL = "";
  headers: Record<string, string> = {};
  upload: { onprogress: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  send(body: FormData) {
    this.body = body;
    ServerStandIn.sent.push(this);
  }
  getResponseHeader(name: string) {
    return this.headers[name.toLowerCase()] ?? null;
  }
  answer(status: number, body: string, contentType = "application/json", url = `https://clinic.example${this.url}`) {
    Object.assign(this, { status, responseText: body, responseURL: url, headers: { "content-type": contentType } });
    this.onload?.();
  }
}

beforeEach(() => {
  ServerStandIn.sent = [];
  vi.stubGlobal("XMLHttpRequest", ServerStandIn);
});
afterEach(() => vi.unstubAllGlobals());

function renderUpload() {
  const onInserted = vi.fn();
  render(<PictureUpload slug="benefits" onInserted={onInserted} />);
  return { user: userEvent.setup(), onInserted };
}

const photo = () => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], "Front Desk.jpg", { type: "image/jpeg" });

async function chooseAndDescribe(user: ReturnType<typeof userEvent.setup>, file = photo(), description = "The front desk, with a nurse") {
  await user.upload(screen.getByLabelText(/^Picture/), file);
  if (description) await user.type(screen.getByLabelText(/^Description/), description);
}

const uploadButton = () => screen.getByRole("button", { name: "Upload and insert" });

describe("PictureUpload", () => {
  it("offers JPEG, PNG and WebP files and shows the description's rule before anything is typed", () => {
    renderUpload();
    expect(screen.getByLabelText(/^Picture/)).toHaveAttribute("accept", "image/jpeg,image/png,image/webp");
    expect(screen.getByLabelText(/^Description/)).toHaveAccessibleDescription(/describe what the picture shows, for people who cannot see it/);
  });

  it("sends nothing without a picture or its description, and says what is missing", async () => {
    const { user } = renderUpload();
    await user.click(uploadButton());
    expect(await screen.findByRole("alert")).toHaveTextContent("Choose a picture");
    await user.upload(screen.getByLabelText(/^Picture/), photo());
    await user.click(uploadButton());
    expect(screen.getByLabelText(/^Description/)).toHaveAccessibleDescription(/is empty: describe what the picture shows/);
    expect(screen.getByLabelText(/^Description/)).toHaveAttribute("aria-invalid", "true");
    expect(ServerStandIn.sent).toEqual([]);
  });

  it("says at once that a picture over 10 MB is too large, without sending it", async () => {
    const { user } = renderUpload();
    const large = photo();
    Object.defineProperty(large, "size", { value: MAX_UPLOAD_BYTES + 1 });
    await chooseAndDescribe(user, large);
    await user.click(uploadButton());
    expect(await screen.findByRole("alert")).toHaveTextContent(PICTURE_TOO_LARGE);
    expect(ServerStandIn.sent).toEqual([]);
  });

  it("uploads to the page's address with its progress, then hands the editor the picture for a <Figure>", async () => {
    const { user, onInserted } = renderUpload();
    await chooseAndDescribe(user);
    await user.click(uploadButton());
    const [request] = ServerStandIn.sent;
    expect(request).toMatchObject({ method: "POST", url: "/staff/pages/benefits/pictures" });
    expect((request!.body!.get("picture") as File).name).toBe("Front Desk.jpg");
    expect(await screen.findByRole("status")).toHaveTextContent("Uploading…");
    expect(uploadButton()).toBeDisabled();
    request!.upload.onprogress!({ lengthComputable: true, loaded: 40, total: 100 });
    expect(await screen.findByText(/Uploading… 40%/)).toBeInTheDocument();

    request!.answer(200, JSON.stringify({ src: "/images/front-desk-3f2a1c0b.jpg", width: 1200, height: 900 }));
    await waitFor(() =>
      expect(onInserted).toHaveBeenCalledWith({ src: "/images/front-desk-3f2a1c0b.jpg", alt: "The front desk, with a nurse", width: 1200, height: 900 }),
    );
    expect(await screen.findByRole("status")).toHaveTextContent("inserted");
    expect(screen.getByLabelText(/^Description/)).toHaveValue("");
  });

  it("shows the server's refusal in its words, and what a 403, a signed-out session or a lost connection mean", async () => {
    const { user, onInserted } = renderUpload();
    await chooseAndDescribe(user);
    const refusals: [(request: ServerStandIn) => void, string][] = [
      [(request) => request.answer(400, JSON.stringify({ message: '"logo.jpg" is an SVG drawing, which can carry code' })), "is an SVG drawing, which can carry code"],
      [(request) => request.answer(403, "<html>403</html>", "text/html"), "ask an admin for the edit ability"],
      [(request) => request.answer(413, PICTURE_TOO_LARGE, "text/plain"), PICTURE_TOO_LARGE],
      [(request) => request.answer(200, "<html>Sign in</html>", "text/html", "https://clinic.example/staff/sign-in?next=x"), "signed out"],
      [(request) => request.onerror?.(), "could not be sent"],
    ];
    for (const [answer, words] of refusals) {
      await user.click(uploadButton());
      answer(ServerStandIn.sent.at(-1)!);
      expect(await screen.findByRole("alert")).toHaveTextContent(words);
    }
    expect(onInserted).not.toHaveBeenCalled();
    // What was typed is kept for the next try.
    expect(screen.getByLabelText(/^Description/)).toHaveValue("The front desk, with a nurse");
  });
});
