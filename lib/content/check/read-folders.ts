/** The content check's only reading of the disk: every file in the content folder, and the names of the files in public/. */
import fs from "node:fs";
import path from "node:path";
import { projectRelativeFile } from "../pages";
import type { ContentCheckInput } from "./index";

/** Every file below `directory` and its size, by site address: public/images/spine.svg is `/images/spine.svg`. */
function publicFileBytes(directory: string): Map<string, number> {
  if (!fs.existsSync(directory)) return new Map();
  const entries = fs.readdirSync(directory, { recursive: true, withFileTypes: true });
  return new Map(
    entries
      .filter((entry) => entry.isFile())
      .map((entry) => {
        const file = path.join(entry.parentPath, entry.name);
        return [`/${path.relative(directory, file).split(path.sep).join("/")}`, fs.statSync(file).size];
      }),
  );
}

export function readContentCheckInput(contentDir: string, publicDir: string): ContentCheckInput {
  const files = fs
    .readdirSync(contentDir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ file: projectRelativeFile(contentDir, name), text: fs.readFileSync(path.join(contentDir, name), "utf8") }));
  const bytes = publicFileBytes(publicDir);
  return { files, publicFiles: new Set(bytes.keys()), publicFileBytes: bytes };
}
