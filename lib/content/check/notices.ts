/**
 * The notices content/clinic.yaml names must be there: the Notice of Privacy Practices (a file in public/ or a
 * page) and the language taglines file, checked with its schema. A link in the footer to a missing notice would
 * tell patients the clinic posts one it does not.
 */
import path from "node:path";
import { contentError, type ContentProblem } from "../errors";
import { languageTaglinesFile, parseLanguageTaglines } from "../language-taglines";
import { closestMatch } from "../suggest.mjs";
import { lineOfYamlField } from "../yaml";
import type { Clinic } from "../../site";
import type { ContentFile } from "./index";
import type { SiteAddresses } from "./links";

/** A notice with a file extension is a file in public/ (e.g. /documents/….pdf); without one, a page. */
const NAMES_A_FILE = /\.\w+$/;

export function checkNotices(
  clinicFile: ContentFile,
  clinic: Pick<Clinic, "notices">,
  files: readonly ContentFile[],
  addresses: SiteAddresses,
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const lineOf = (field: string) => lineOfYamlField(clinicFile.text, ["notices", field]) ?? 1;

  const notice = clinic.notices?.privacyPractices;
  if (notice !== undefined) {
    const field = "`notices.privacyPractices`";
    if (NAMES_A_FILE.test(notice)) {
      if (!addresses.publicFiles.has(notice)) {
        problems.push(
          contentError(clinicFile.file, lineOf("privacyPractices"), `${field} names ${notice}, which is not in public/: save the clinic's notice as public${notice}, or fix the name`),
        );
      }
    } else if (!addresses.pages.includes(notice)) {
      const suggestion = closestMatch(notice, addresses.pages);
      problems.push(
        contentError(
          clinicFile.file,
          lineOf("privacyPractices"),
          `${field} names ${notice}, a page that does not exist${suggestion ? ` (did you mean ${suggestion}?)` : ""}: ` +
            "write the notice as a page in content/, or name the PDF in public/documents/",
        ),
      );
    }
  }

  const taglinesFile = languageTaglinesFile(clinic);
  if (taglinesFile !== undefined) {
    const name = path.posix.basename(taglinesFile);
    const written = files.find((candidate) => path.basename(candidate.file) === name);
    if (!written) {
      problems.push(
        contentError(
          clinicFile.file,
          lineOf("languageTaglines"),
          `\`notices.languageTaglines\` names ${name}, which is not in content/: add the file with the translators' taglines, or leave the field out until you have them`,
        ),
      );
    } else {
      const parsed = parseLanguageTaglines(written.text, written.file);
      if (!parsed.ok) problems.push(...parsed.problems);
    }
  }
  return problems;
}
