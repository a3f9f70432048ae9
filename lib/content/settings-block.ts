/**
 * Where a page's settings end and its words begin. Pure (no file access), so the editor in the browser splits a
 * page exactly as the build does.
 */
export const FRONTMATTER_BLOCK = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)/;

/** The frontmatter's first field is on line 2, just after the opening `---`. */
export const FIRST_FIELD_LINE = 2;

/** A page's settings in its text: the YAML between the two `---` lines, where it starts and ends, and the words after. */
export function pageSettingsBlock(source: string): { yaml: string; yamlStart: number; yamlEnd: number; body: string } | undefined {
  const block = FRONTMATTER_BLOCK.exec(source);
  if (!block) return undefined;
  const yaml = block[1] ?? "";
  const yamlStart = source.indexOf("\n") + 1;
  return { yaml, yamlStart, yamlEnd: yamlStart + yaml.length, body: source.slice(block[0].length) };
}
