// @vitest-environment node
/**
 * The staff guide (content/README.md) states the rules of the schemas in plain words. These tests keep the two
 * from drifting: the limits it gives are the schema's, every component is documented, and every example passes
 * the content check when pasted into a page.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { checkContent } from "@/lib/content/check";
import { readContentCheckInput } from "@/lib/content/check/read-folders";
import { STAFF_COMPONENT_NAMES } from "@/lib/content/components";
import { formatContentProblem } from "@/lib/content/errors";
import { pageFrontmatterSchema } from "@/lib/content/frontmatter";
import { CONTENT_DIR } from "@/lib/content/pages";

const guide = fs.readFileSync(path.join(CONTENT_DIR, "README.md"), "utf8");

/** The guide's row for a setting in its table of settings: "| `title` | … | 10 to 45 characters |". */
function guideRowFor(field: string): string {
  const row = guide.split("\n").find((line) => line.startsWith(`| \`${field}\` |`));
  if (!row) throw new Error(`content/README.md has no row for \`${field}\` in its table of settings`);
  return row;
}

describe("the staff guide, content/README.md", () => {
  it.each(Object.entries(pageFrontmatterSchema.shape))("gives the schema's limits for `%s`", (field, fieldSchema) => {
    const row = guideRowFor(field);
    const optional = fieldSchema instanceof z.ZodOptional;
    if (optional) expect(row).toContain("optional");
    const schema = optional ? fieldSchema.unwrap() : fieldSchema;
    if (schema instanceof z.ZodString) expect(row).toContain(`${schema.minLength} to ${schema.maxLength} characters`);
    else if (schema instanceof z.ZodDefault && schema.unwrap() instanceof z.ZodBoolean)
      expect(row).toContain(`true or false; ${String(schema.def.defaultValue)} if left out`);
    else if (schema instanceof z.ZodNumber) expect(row).toContain(`from ${schema.minValue} to ${schema.maxValue}`);
    else if (schema instanceof z.ZodDefault && schema.unwrap() instanceof z.ZodEnum) {
      const options = (schema.unwrap() as z.ZodEnum).options.map(String);
      expect(row).toContain(`${options.join(" or ")}; ${String(schema.def.defaultValue)} if left out`);
    } else expect(row).toContain("YYYY-MM-DD, not in the future");
  });

  it("has an example of every component, and each passes the content check as it is", async () => {
    const examples = [...guide.matchAll(/```mdx\n([\s\S]*?)```/g)].map((match) => match[1]);
    for (const name of STAFF_COMPONENT_NAMES) expect(examples.join("\n"), name).toContain(`<${name}`);
    const site = readContentCheckInput(CONTENT_DIR, path.join(process.cwd(), "public"));
    const examplesPage = {
      file: "content/guide-examples.mdx",
      text:
        '---\ntitle: "Every example in the guide"\ndescription: "A page made of every example in the staff guide, to prove each one passes the check."\n' +
        `navLabel: "Examples"\nnavOrder: 99\nnavArea: footer\nupdated: 2026-01-15\n---\n\n## Examples\n\n${examples.join("\n")}`,
    };
    const report = await checkContent({
      files: [...site.files, examplesPage],
      // The Figure example's picture, which staff save before they use it.
      publicFiles: new Set([...site.publicFiles, "/images/spine-diagram.svg"]),
    });
    expect(report.problems.filter((problem) => problem.file === examplesPage.file).map(formatContentProblem)).toEqual([]);
  }, 60_000);
});
