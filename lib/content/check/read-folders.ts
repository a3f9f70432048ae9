/** The content check's only reading of the disk: every file in the content folder, and the names of the files in public/. */
import fs from "node:fs";
import path from "node:path";
import { projectRelativeFile } from "../pages";
import type { ContentCheckInput } from "./index";

/** Every file below `directory`, as site addresses: public/images/spine.svg is `/images/spine.svg`. */
function publicAddresses(directory: string): Set<string> {
  if (!fs.existsSync(directory)) return new Set();
  const entries = fs.readdirSync(directory, { recursive: true, withFileTypes: true });
  return new Set(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => `/${path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join("/")}`),
  );
}

export function readContentCheckInput(contentDir: string, publicDir: string): ContentCheckInput {
  const files = fs
    .readdirSync(contentDir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ file: projectRelativeFile(contentDir, name), text: fs.readFileSync(path.join(contentDir, name), "utf8") }));
  return { files, publicFiles: publicAddresses(publicDir) };
}
