import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// findBy… and waitFor wait for what a user waits for (a render, an effect moving focus); under the load of the full
// suite beside a build that can take longer than Testing Library's default second.
configure({ asyncUtilTimeout: 10_000 });

afterEach(() => cleanup());
