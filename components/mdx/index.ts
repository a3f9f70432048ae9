/**
 * The components staff may use by name in content/*.mdx. Anything not listed here is unknown to MDX
 * and fails the build, naming the component.
 */
import { EmergencyNotice } from "../EmergencyNotice";
import { CallButtonBlock } from "./CallButtonBlock";
import { Callout } from "./Callout";
import { MainPageLinks } from "./MainPageLinks";
import { ResponsiveTable } from "./ResponsiveTable";

export const mdxComponents = {
  CallButton: CallButtonBlock,
  Callout,
  EmergencyNotice,
  MainPageLinks,
  // Markdown elements drawn differently from the browser's default.
  table: ResponsiveTable,
};
