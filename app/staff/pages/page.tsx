import type { Metadata } from "next";
import { PAGE_HEADING_CLASSES } from "@/components/heading-classes";
import { StaffFrame } from "@/components/staff/StaffFrame";
import { STAFF_PAGES_PATH } from "@/lib/staff/paths";
import { requireAbility } from "@/lib/staff/session";

export const metadata: Metadata = { title: "Pages" };

/** The website's pages, for editors and clinical reviewers. A placeholder until the editor's list arrives (issue 22). */
export default async function PagesPage() {
  const staff = await requireAbility(["edit", "review"], { returnTo: STAFF_PAGES_PATH, attempt: "open the pages" });
  return (
    <StaffFrame staff={staff} current="pages">
      <h1 className={PAGE_HEADING_CLASSES}>Pages</h1>
    </StaffFrame>
  );
}
