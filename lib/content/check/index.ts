/**
 * The content check (`npm run content:check`): reads every file staff edit with the same schemas and the same
 * MDX compiler as the build, and returns every problem at once, each with its file and line, plus each page's
 * reading level. Pure: the caller reads the files (see read-folders.ts) and prints the report (report.ts).
 */
import path from "node:path";
import { ContentError, contentError, contentWarning, type ContentProblem } from "../errors";
import { findCrossPageProblems, findHomePageProblems, findReviewerProblems, pageHrefOfFile, PAGE_FILE_EXTENSION, parseContentPage, type ContentPage } from "../pages";
import { parseReferences, type Reference } from "../references";
import type { YamlParseResult } from "../yaml";
import { CLINIC_FILE, parseClinicFacts, type Clinic } from "../../site";
import { CODE_PAGE_HREFS } from "../../routes";
import { MEDICARE_STUDY_FILE, MEDICARE_STUDY_FILE_MISSING, parseMedicareStudyTexts } from "../../medicare-study";
import { SELF_CHECK_FILE } from "../../self-check/texts";
import { parseBannedPhrases, checkBannedPhrases, checkBannedPhrasesInYaml, type BannedPhrase } from "./banned-phrases";
import { checkComponents } from "./components";
import { checkExampleContacts, checkExampleValuesInDataFile } from "./example-contacts";
import { checkNotices } from "./notices";
import { DEFAULT_CONTENT_CHECK_CONFIG, parseContentCheckConfig, type ContentCheckConfig } from "./config";
import { checkHeadings } from "./headings";
import { checkImages } from "./images";
import { checkLinks, type SiteAddresses } from "./links";
import { parsePage } from "./parse-mdx";
import { checkReadingLevel, measureReadingLevel, type ReadingLevel } from "./reading-level";
import { checkSelfCheckFile } from "./self-check";
import { checkWordsFile } from "./words-file";

export interface ContentFile {
  /** Relative to the project, e.g. `content/faq.mdx`. */
  file: string;
  text: string;
}

export interface ContentCheckInput {
  /** Every file in the content folder. */
  files: readonly ContentFile[];
  /** Every file in public/, as its address, e.g. `/images/spine.svg`. */
  publicFiles: ReadonlySet<string>;
  /** Each file's size in bytes, by the same address, where the caller knows it: pictures too large are flagged. */
  publicFileBytes?: ReadonlyMap<string, number>;
}

export interface PageReadingLevel extends ReadingLevel {
  exemptFromError: boolean;
}

export interface ContentCheckReport {
  problems: ContentProblem[];
  readingLevels: PageReadingLevel[];
  readingLevelLimits: ContentCheckConfig["readingLevel"];
}

/** Files in content/ that are not pages; anything else there is probably a mistake. */
const DATA_FILE_NAMES = ["clinic.yaml", "references.yaml", "banned-phrases.yaml", "content-check.yaml", path.basename(SELF_CHECK_FILE), path.basename(MEDICARE_STUDY_FILE), "README.md"];

/** A page's name in the check's settings: its file name without `.mdx`. */
const pageNameOf = (file: string) => path.basename(file, PAGE_FILE_EXTENSION);

function byOrderInFile(a: ContentProblem, b: ContentProblem): number {
  return a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
}

/** What the page rules need from the data files; a file that is wrong gives its problems and leaves its rule out. */
interface SiteData {
  problems: ContentProblem[];
  /** Undefined when content/references.yaml is wrong: citations are then not checked against it. */
  references: Reference[] | undefined;
  bannedPhrases: BannedPhrase[];
  config: ContentCheckConfig;
  /** Undefined when content/clinic.yaml is missing or wrong: reviewers are then not checked against it. */
  clinic: Clinic | undefined;
  clinicFile: ContentFile | undefined;
}

function readSiteData(files: readonly ContentFile[]): SiteData {
  const problems: ContentProblem[] = [];
  const fileNamed = (name: string) => files.find((candidate) => path.basename(candidate.file) === name);
  /** An optional data file: `whenAbsent` if there is none, undefined (and its problems) if it is wrong. */
  function readDataFile<T>(name: string, parse: (text: string, file: string) => YamlParseResult<T>, whenAbsent: T): T | undefined {
    const dataFile = fileNamed(name);
    if (!dataFile) return whenAbsent;
    const result = parse(dataFile.text, dataFile.file);
    if (result.ok) return result.data;
    problems.push(...result.problems);
    return undefined;
  }

  const clinicFile = fileNamed(path.basename(CLINIC_FILE));
  let clinic: Clinic | undefined;
  try {
    if (clinicFile) clinic = parseClinicFacts(clinicFile.text, clinicFile.file);
    else problems.push(contentError(CLINIC_FILE, 1, "the clinic's facts file is missing"));
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    problems.push(...error.contentProblems);
  }
  const references = readDataFile("references.yaml", parseReferences, []);
  const bannedPhrases = readDataFile("banned-phrases.yaml", parseBannedPhrases, []) ?? [];
  // Pages show the clinic's facts word for word (a physician's role, the civil-rights contact): they answer to the same words.
  if (clinicFile) problems.push(...checkBannedPhrasesInYaml(clinicFile.file, clinicFile.text, bannedPhrases));
  const configFile = fileNamed("content-check.yaml");
  const config = readDataFile("content-check.yaml", parseContentCheckConfig, DEFAULT_CONTENT_CHECK_CONFIG) ?? DEFAULT_CONTENT_CHECK_CONFIG;
  const pageNames = files.filter((file) => file.file.endsWith(PAGE_FILE_EXTENSION)).map((file) => pageNameOf(file.file));
  for (const listed of [...config.readingLevel.exemptFromError, ...config.questionPages]) {
    if (configFile && !pageNames.includes(listed)) {
      problems.push(contentWarning(configFile.file, 1, `names the page "${listed}", but there is no ${listed}${PAGE_FILE_EXTENSION}`));
    }
  }
  // The taglines file is data once clinic.yaml names it (lib/content/language-taglines.ts).
  const dataFileNames = [...DATA_FILE_NAMES, ...(clinic?.notices?.languageTaglines ? [clinic.notices.languageTaglines] : [])];
  for (const other of files) {
    if (!other.file.endsWith(PAGE_FILE_EXTENSION) && !dataFileNames.includes(path.basename(other.file))) {
      problems.push(
        contentWarning(other.file, 1, "is not a page, and the site does not read it: pages end in .mdx, and pictures go in public/images/"),
      );
    }
  }
  return { problems, references, bannedPhrases, config, clinic, clinicFile };
}

/** The pages' settings, read exactly as the build reads them, and the problems between pages. */
function checkPageSettings(pageFiles: readonly ContentFile[], clinic: Clinic | undefined): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const contentFolder = path.posix.dirname(pageFiles[0]?.file ?? CLINIC_FILE);
  problems.push(...findHomePageProblems(contentFolder, pageFiles.map((page) => path.basename(page.file))));
  const pages: ContentPage[] = [];
  for (const pageFile of pageFiles) {
    const parsed = parseContentPage(pageFile.file, pageFile.text);
    if (Array.isArray(parsed)) problems.push(...parsed);
    else pages.push(parsed);
  }
  const textOf = new Map(pageFiles.map((pageFile) => [pageFile.file, pageFile.text]));
  problems.push(...findCrossPageProblems(pages, (page) => textOf.get(page.file) ?? ""));
  if (clinic) problems.push(...findReviewerProblems(pages, clinic, (page) => textOf.get(page.file) ?? ""));
  return problems;
}

/** A page's words: everything after the settings. */
async function checkPageBody(
  pageFile: ContentFile,
  { references, bannedPhrases, config }: SiteData,
  addresses: SiteAddresses,
  publicFileBytes: ReadonlyMap<string, number>,
): Promise<{ problems: ContentProblem[]; readingLevel?: PageReadingLevel }> {
  const name = pageNameOf(pageFile.file);
  const problems = [...checkBannedPhrases(pageFile.file, pageFile.text, bannedPhrases), ...checkExampleContacts(pageFile.file, pageFile.text)];
  const parsed = await parsePage(pageFile.file, pageFile.text);
  if (!parsed.ok) return { problems: [...problems, parsed.problem] };
  const { page } = parsed;
  const exemptFromError = config.readingLevel.exemptFromError.includes(name);
  const level = measureReadingLevel(page);
  problems.push(
    ...checkLinks(page, addresses),
    ...checkImages(page, addresses.publicFiles, publicFileBytes),
    ...checkHeadings(page, { isQuestionPage: config.questionPages.includes(name) }),
    ...checkComponents(page, references),
    ...checkReadingLevel(level, config.readingLevel, { exemptFromError }),
  );
  return { problems, readingLevel: { ...level, exemptFromError } };
}

export async function checkContent({ files, publicFiles, publicFileBytes = new Map() }: ContentCheckInput): Promise<ContentCheckReport> {
  const siteData = readSiteData(files);
  const pageFiles = files.filter((candidate) => candidate.file.endsWith(PAGE_FILE_EXTENSION));
  const problems = [...siteData.problems, ...checkPageSettings(pageFiles, siteData.clinic)];
  const taglinesFile = files.find((candidate) => path.basename(candidate.file) === siteData.clinic?.notices?.languageTaglines);
  if (taglinesFile) problems.push(...checkExampleValuesInDataFile(taglinesFile.file, taglinesFile.text));
  const addresses: SiteAddresses = {
    pages: [...pageFiles.flatMap((pageFile) => pageHrefOfFile(pageFile.file) ?? []), ...CODE_PAGE_HREFS],
    publicFiles,
  };
  if (siteData.clinic && siteData.clinicFile) problems.push(...checkNotices(siteData.clinicFile, siteData.clinic, files, addresses));
  const readingLevels: PageReadingLevel[] = [];
  for (const pageFile of pageFiles) {
    const body = await checkPageBody(pageFile, siteData, addresses, publicFileBytes);
    problems.push(...body.problems);
    if (body.readingLevel) readingLevels.push(body.readingLevel);
  }
  const selfCheckFile = files.find((candidate) => path.basename(candidate.file) === path.basename(SELF_CHECK_FILE));
  const selfCheck = checkSelfCheckFile(selfCheckFile, pageFiles, siteData);
  problems.push(...selfCheck.problems);
  if (selfCheck.readingLevel) readingLevels.push({ ...selfCheck.readingLevel, exemptFromError: false });
  const medicareStudyFile = files.find((candidate) => path.basename(candidate.file) === path.basename(MEDICARE_STUDY_FILE));
  const medicareStudy = checkWordsFile(
    medicareStudyFile,
    pageFiles,
    { file: MEDICARE_STUDY_FILE, parse: parseMedicareStudyTexts, placedBy: /<MedicareStudyAnswer\b/, missing: MEDICARE_STUDY_FILE_MISSING },
    siteData,
  );
  problems.push(...medicareStudy.problems);
  if (medicareStudy.readingLevel) readingLevels.push({ ...medicareStudy.readingLevel, exemptFromError: false });
  return { problems: problems.sort(byOrderInFile), readingLevels, readingLevelLimits: siteData.config.readingLevel };
}
