import { getClinic } from "@/lib/site";

/** The browser title of a page: "<page title> | Mocek Spine". Also the layout's title template ("%s"). */
export function fullPageTitle(pageTitle: string): string {
  return `${pageTitle} | ${getClinic().name}`;
}
