/**
 * vitest global setup: one PostgreSQL server for the whole run (tests/support/postgres.ts), its URL handed to the
 * tests as `inject("postgresUrl")`. Each test makes a database of its own on it.
 */
import type { TestProject } from "vitest/node";
import { startTestPostgres } from "./postgres";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const postgres = await startTestPostgres();
  project.provide("postgresUrl", postgres.url);
  return () => postgres.stop();
}
