/** The content check's settings, content/content-check.yaml: reading-level limits and the pages with special rules. */
import path from "node:path";
import { z } from "zod";
import { readOnceInProduction } from "@/lib/read-once";
import { strictFields } from "../schema-helpers";
import { parseYamlWithSchema, readYamlFile, type YamlParseResult } from "../yaml";

export const CONTENT_CHECK_CONFIG_FILE = path.join("content", "content-check.yaml");

const grade = z.number({ error: "must be a school grade, a number such as 8" }).min(1).max(20);

/** A page named by its file name without `.mdx`: `privacy` is content/privacy.mdx. */
const pageNames = z.array(z.string({ error: "must be page file names without .mdx, e.g. privacy" })).default([]);

export const contentCheckConfigSchema = strictFields({
  readingLevel: strictFields({
    /** Above this Flesch-Kincaid grade a page gets a warning. */
    warnAbove: grade.default(8),
    /** Above this grade a page is an error, unless it is exempt. */
    errorAbove: grade.default(10),
    /** Pages that only get a warning however hard they read (policies, whose legal terms need their words). */
    exemptFromError: pageNames,
  }).prefault({}),
  /** Pages whose `##` headings are all questions: search engines are given them as frequently asked questions. */
  questionPages: pageNames,
}).refine((config) => config.readingLevel.errorAbove >= config.readingLevel.warnAbove, {
  path: ["readingLevel", "errorAbove"],
  error: "must not be lower than `warnAbove`",
});

export type ContentCheckConfig = z.infer<typeof contentCheckConfigSchema>;

export const DEFAULT_CONTENT_CHECK_CONFIG: ContentCheckConfig = contentCheckConfigSchema.parse({});

export function parseContentCheckConfig(yamlText: string, file = CONTENT_CHECK_CONFIG_FILE): YamlParseResult<ContentCheckConfig> {
  return parseYamlWithSchema(file, yamlText, contentCheckConfigSchema);
}

/**
 * The settings as the site reads them (the structured data uses `questionPages`): the same file and rules as the
 * check; a mistake in it stops the build with the file and line.
 */
export const getContentCheckConfig = readOnceInProduction(() =>
  readYamlFile(CONTENT_CHECK_CONFIG_FILE, parseContentCheckConfig, () => DEFAULT_CONTENT_CHECK_CONFIG),
);
