import type { ComponentType, ReactNode } from "react";
import { parseComponentFields, type StaffComponentFields, type StaffComponentName } from "@/lib/content/components";

export type StaffComponentImplementation<Name extends StaffComponentName> = ComponentType<
  StaffComponentFields<Name> & { children?: ReactNode }
>;

/**
 * Wraps a component staff use by `name`: its fields are checked with the component's schema before it renders,
 * so a page with a missing or misspelt field fails the build with the component's name and the problem.
 */
export function staffComponent<Name extends StaffComponentName>(name: Name, Component: StaffComponentImplementation<Name>) {
  function StaffComponent({ children, ...written }: { children?: ReactNode } & Record<string, unknown>) {
    const result = parseComponentFields(name, written);
    if (!result.ok) throw new Error(result.problems.map((problem) => problem.message).join("\n"));
    // TypeScript cannot follow a generic component's props through the schema's output; the schema has checked them.
    const Checked = Component as ComponentType<Record<string, unknown>>;
    return <Checked {...result.data}>{children}</Checked>;
  }
  StaffComponent.displayName = name;
  return StaffComponent;
}
