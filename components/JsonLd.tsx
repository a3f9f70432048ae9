import type { Graph, Thing } from "schema-dts";
import { serializeJsonLd } from "@/lib/seo/json-ld";

/** Structured data for search engines: invisible, and escaped so no text in it can end the script early. */
export function JsonLd({ data }: { data: Graph | Thing }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
