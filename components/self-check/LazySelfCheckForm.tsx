"use client";

import { lazy, type ComponentProps } from "react";

// React.lazy, not next/dynamic: React already carries it, while next/dynamic's loader costs every page about as
// many bytes as the form it would keep off them.
const SelfCheckForm = lazy(() => import("./SelfCheckForm").then((module) => ({ default: module.SelfCheckForm })));

/**
 * The self-check's form, loaded only by pages that show it. Every content page is served by one route
 * (app/[slug]), and a client component that any of them may render is otherwise shipped to all of them; loaded
 * lazily, its code is split off and fetched only where the self-check is rendered.
 *
 * A function, not the lazy component itself: a server component may render a client component, not a lazy one.
 * No <Suspense> around it: prerendering then waits for the form and writes it into the page's HTML, so the
 * questions are there before any JavaScript (a boundary would stream the form after the page, for JavaScript to
 * move into place); in the browser, hydration waits for the chunk.
 */
export function LazySelfCheckForm(props: ComponentProps<typeof SelfCheckForm>) {
  return <SelfCheckForm {...props} />;
}
