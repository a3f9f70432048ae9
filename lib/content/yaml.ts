/**
 * YAML files staff write (page settings, clinic facts, references, check settings), validated with a zod
 * schema. Every problem names the file and the line of the field it is about.
 */
import fs from "node:fs";
import path from "node:path";
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from "yaml";
import type { z } from "zod";
import { ContentError, contentError, describeIssues, type ContentProblem } from "./errors";

/** The folder of staff files, relative to the project. */
const CONTENT_FOLDER = "content";

export type YamlParseResult<T> = { ok: true; data: T } | { ok: false; problems: ContentProblem[] };

/**
 * The line of the value at `path` (the key's line for a field of a map), or of its nearest parent that is
 * written; `undefined` when nothing on the path is written.
 */
function lineOfPath(document: Document, lines: LineCounter, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const parent = depth === 1 ? document.contents : document.getIn(path.slice(0, depth - 1), true);
    const key = path[depth - 1];
    const keyOrItem = isMap(parent)
      ? parent.items.find((pair) => isScalar(pair.key) && String(pair.key.value) === String(key))?.key
      : isSeq(parent) && typeof key === "number"
        ? parent.items[key]
        : undefined;
    if (isNode(keyOrItem) && keyOrItem.range) return lines.linePos(keyOrItem.range[0]).line;
  }
  return undefined;
}

/** The file line of the field at `path` in `yamlText`, which starts on file line `firstLine`. */
export function lineOfYamlField(yamlText: string, path: readonly PropertyKey[], firstLine = 1): number | undefined {
  const lines = new LineCounter();
  const line = lineOfPath(parseDocument(yamlText, { lineCounter: lines }), lines, path);
  return line === undefined ? undefined : firstLine + line - 1;
}

/**
 * The line a staff member must change for a syntax error the parser places at `parserLine`. The parser stops
 * where it noticed the mistake, which is often the blank line or comment before the wrong line (an indented
 * `address:` is noticed at the end of the field above it): such a line holds nothing to fix, so the mistake is
 * on the next line with a value, or, at the end of the text (a quote never closed), on the last one.
 */
function lineWithTheMistake(yamlText: string, parserLine: number): number {
  const lines = yamlText.split(/\r?\n/);
  const holdsNothing = (line: string | undefined) => line === undefined || /^\s*(#.*)?$/.test(line);
  if (!holdsNothing(lines[parserLine - 1])) return parserLine;
  for (let line = parserLine + 1; line <= lines.length; line++) if (!holdsNothing(lines[line - 1])) return line;
  for (let line = Math.min(parserLine, lines.length) - 1; line >= 1; line--) if (!holdsNothing(lines[line - 1])) return line;
  return parserLine;
}

/** The parser's message in a staff member's words where it has jargon for a common slip, else its first line. */
function yamlErrorInWords(error: { code: string; message: string }): string {
  if (error.code === "BAD_INDENT") {
    return (
      "the spaces at the start of this line do not match the lines above it: a setting starts at the very left of " +
      'the line, and the lines inside it two spaces further in (after deleting a "#", delete the space after it too)'
    );
  }
  // The parser's own "at line 1, column 17" counts from the YAML text, not the file: leave it out.
  return error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "") ?? error.message;
}

/**
 * Parses `yamlText` and validates it with `schema`. `firstLine` is the file line the text starts on (2 for
 * a page's settings, just after the opening `---`); `notValidYaml` starts the message of a syntax error.
 */
export function parseYamlWithSchema<Schema extends z.ZodType>(
  file: string,
  yamlText: string,
  schema: Schema,
  { firstLine = 1, notValidYaml = "this file is not valid YAML" }: { firstLine?: number; notValidYaml?: string } = {},
): YamlParseResult<z.output<Schema>> {
  const lines = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter: lines });
  const toFileLine = (textLine: number) => firstLine + textLine - 1;
  if (document.errors.length > 0) {
    return {
      ok: false,
      problems: document.errors.map((error) => {
        const line = lineWithTheMistake(yamlText, error.linePos?.[0].line ?? 1);
        return contentError(file, toFileLine(line), `${notValidYaml}: ${yamlErrorInWords(error)}`);
      }),
    };
  }
  const result = schema.safeParse(document.toJS() ?? {});
  if (result.success) return { ok: true, data: result.data };
  const lineOf = (path: readonly PropertyKey[]) => {
    const line = lineOfPath(document, lines, path);
    // A missing top-level field has no line of its own: point at the start of the file.
    return line === undefined ? 1 : toFileLine(line);
  };
  return { ok: false, problems: describeIssues(file, result.error, lineOf) };
}

/**
 * Every text value in `yamlText` with the line it starts on: what a reader of the site sees of a data file.
 * Keys, comments and the values of `skipFields` (names such as `id`, which no reader sees) are left out.
 */
export function yamlTextValues(yamlText: string, skipFields: readonly string[] = []): { line: number; text: string }[] {
  const lines = new LineCounter();
  const document = parseDocument(yamlText, { lineCounter: lines });
  const values: { line: number; text: string }[] = [];
  visit(document, {
    Pair: (_, pair) => (isScalar(pair.key) && skipFields.includes(String(pair.key.value)) ? visit.SKIP : undefined),
    Scalar: (key, scalar, path) => {
      const parent = path.at(-1);
      const isKey = key === "key" && isPair(parent);
      if (!isKey && typeof scalar.value === "string" && scalar.range) {
        values.push({ line: lines.linePos(scalar.range[0]).line, text: scalar.value });
      }
    },
  });
  return values;
}

/**
 * A staff YAML file as the site reads it (`file` relative to the project, e.g. content/references.yaml): parsed
 * and validated by `parse`, and a mistake stops the build with the file, line and field. `whenMissing` says what
 * an absent file means (a default, or an error of its own); without it the read fails as usual.
 */
export function readYamlFile<T>(file: string, parse: (yamlText: string) => YamlParseResult<T>, whenMissing?: () => T): T {
  if (path.dirname(file) !== CONTENT_FOLDER) throw new Error(`readYamlFile reads staff files in ${CONTENT_FOLDER}/ only, not ${file}`);
  // "content" written out, not taken from `file`: the build traces the files a server needs from this path, and
  // a path built only from a variable would make it copy the whole project (data/ and its keys included).
  const absolute = path.join(process.cwd(), "content", path.basename(file));
  if (whenMissing && !fs.existsSync(absolute)) return whenMissing();
  const result = parse(fs.readFileSync(absolute, "utf8"));
  if (!result.ok) throw new ContentError(result.problems);
  return result.data;
}
