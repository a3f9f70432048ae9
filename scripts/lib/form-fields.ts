/**
 * The hidden fields React renders into the appointment form for its server action: what a browser without
 * JavaScript posts beside the patient's answers. The tests and benches that post the form read them from the page.
 */
const decodeHtml = (text: string) =>
  text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

export function formActionFields(html: string): [string, string][] {
  return [...html.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)].map(([, name, value]) => [
    decodeHtml(name!),
    decodeHtml(value ?? ""),
  ]);
}
