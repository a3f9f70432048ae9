/**
 * The components staff may use by name in content/*.mdx. The names, their fields and where they may stand are
 * defined once in lib/content/components.ts (the content check reads them there); this file gives each name its
 * React component. Anything not listed is unknown to MDX and fails the build, naming the component.
 */
import { STAFF_COMPONENT_NAMES, type StaffComponentName } from "@/lib/content/components";
import { AppointmentButton } from "../AppointmentButton";
import { CallButton } from "../CallButton";
import {
  CivilRightsContactSection,
  ClinicContactDetailsSection,
  ClinicPhysiciansSection,
  LanguageTaglinesSection,
  MedicareStudyAnswerSection,
  OtherWaysToReachUsSection,
} from "./ClinicSections";
import { EmergencyNotice } from "../EmergencyNotice";
import { SelfCheck } from "../self-check/SelfCheck";
import { Callout } from "./Callout";
import { Cite } from "./Cite";
import { Figure } from "./Figure";
import { FigureRow } from "./FigureRow";
import { KeyFacts } from "./KeyFacts";
import { MarkdownPicture } from "./MarkdownPicture";
import { MainPageLinks } from "./MainPageLinks";
import { outsideProse } from "./OutsideProse";
import { QuestionList } from "./QuestionList";
import { References } from "./References";
import { ResponsiveTable } from "./ResponsiveTable";
import { staffComponent, type StaffComponentImplementation } from "./staff-component";
import { Steps } from "./Steps";

const implementations: { [Name in StaffComponentName]: StaffComponentImplementation<Name> } = {
  AppointmentButton: outsideProse(AppointmentButton),
  CallButton: outsideProse(CallButton),
  Callout,
  Cite,
  CivilRightsContact: CivilRightsContactSection,
  ClinicContactDetails: ClinicContactDetailsSection,
  ClinicPhysicians: ClinicPhysiciansSection,
  EmergencyNotice: outsideProse(EmergencyNotice),
  Figure,
  FigureRow,
  KeyFacts,
  LanguageTaglines: LanguageTaglinesSection,
  MainPageLinks,
  MedicareStudyAnswer: MedicareStudyAnswerSection,
  QuestionList,
  OtherWaysToReachUs: OtherWaysToReachUsSection,
  References,
  SelfCheck: outsideProse(SelfCheck),
  Steps,
};

const staffComponents = Object.fromEntries(
  STAFF_COMPONENT_NAMES.map((name) => [name, staffComponent(name, implementations[name] as StaffComponentImplementation<typeof name>)]),
) as Record<StaffComponentName, ReturnType<typeof staffComponent>>;

export const mdxComponents = {
  ...staffComponents,
  // Markdown elements drawn differently from the browser's default.
  table: ResponsiveTable,
  img: MarkdownPicture,
};
