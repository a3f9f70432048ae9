/**
 * The environment variables the site reads, each validated once with a message an operator can act on.
 * Defaults make `npm run build && npm start` work on a fresh machine with no configuration.
 */
import path from "node:path";
import { z } from "zod";

/** True in the standalone server (`node .next/standalone/server.js`), which sets this before it loads the app. */
const runsFromBuildOutput = () => process.env.__NEXT_PRIVATE_STANDALONE_CONFIG !== undefined;

const absoluteHttpUrl = z
  .url({ protocol: /^https?$/, error: "must be an absolute http(s) URL such as https://www.example.com" })
  .transform((url) => url.replace(/\/+$/, ""));

const positiveInt = (fallback: number) =>
  z.coerce.number({ error: "must be a whole number" }).int({ error: "must be a whole number" }).positive({ error: "must be above 0" }).default(fallback);

/**
 * A sender as mail headers write it: an address, or `Name <address>`. No line breaks, no second address, so the
 * value cannot add a header or another recipient.
 */
export function isMailbox(value: string): boolean {
  const match = /^(?:(?:"[^"\r\n]*"|[^<>"\r\n,;]*?)\s*<([^<>\s]+)>|([^<>\s,;"]+))$/.exec(value.trim());
  const address = match?.[1] ?? match?.[2];
  return address !== undefined && z.email().safeParse(address).success;
}

/**
 * Whether SITE_URL names this machine (localhost, 127.x.x.x, ::1, 0.0.0.0) rather than the public site: fine for a
 * test, never for a release, whose canonical links, sitemap and printed links would point at the reader's own computer.
 */
export function isLoopbackSiteUrl(siteUrl: string): boolean {
  const host = new URL(siteUrl).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  return (
    host === "localhost" ||
    host.endsWith(".localhost") ||
    /^127\.\d+\.\d+\.\d+$/.test(host) ||
    host === "0.0.0.0" ||
    host === "::1" ||
    host === "::" ||
    // ::ffff:127.0.0.1, as the URL parser writes it
    /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)
  );
}

/** Unset and empty mean the same: an empty line in a .env file must not count as a value. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** An IANA time zone name this Node knows, such as America/Chicago. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

export const serverEnvSchema = z.object({
  /** The public origin of the site: canonical links, sitemap and share images use it. Read at build time. */
  SITE_URL: absoluteHttpUrl.default("http://localhost:3000"),
  /** Where the appointment database and (when APPOINTMENTS_KEY is unset) the generated key live. */
  DATA_DIR: z.string().min(1).default("./data").refine((dir) => !runsFromBuildOutput() || path.isAbsolute(dir), {
    error:
      "must be an absolute path outside the app's folder when the standalone server runs (node .next/standalone/server.js): " +
      "a relative one would keep patients' requests inside the build output, which the next build replaces",
  }),
  /**
   * postgres:// URL of a PostgreSQL database: the store for several servers or a serverless host. Unset: SQLite
   * in DATA_DIR.
   */
  DATABASE_URL: optional(z.url({ protocol: /^postgres(ql)?$/, error: "must be a postgres:// URL such as postgres://user:password@host:5432/mocek" })),
  /** The secret a scheduler sends (Authorization: Bearer …) to /api/outbox/drain to retry staff notifications. */
  OUTBOX_DRAIN_TOKEN: optional(z.string().min(32, { error: "must be at least 32 characters; make one with: openssl rand -hex 32" })),
  /** The clinic's time zone: the staff inbox and its exports show times in it. */
  TIME_ZONE: z
    .string()
    .default("America/Chicago")
    .refine(isTimeZone, { error: "must be a time zone name such as America/Chicago (see the tz database's list)" }),
  /**
   * Minutes without activity after which a staff session ends (HIPAA's automatic logoff). Decimals are allowed,
   * for tests that cannot wait a minute.
   */
  STAFF_IDLE_MINUTES: z.coerce
    .number({ error: "must be a number of minutes" })
    .positive({ error: "must be above 0" })
    .max(12 * 60, { error: "must be at most 720 (a session ends after 12 hours anyway)" })
    .default(15),
  /** 32 bytes, base64 or hex: encrypts patients' details at rest. */
  APPOINTMENTS_KEY: optional(z.string()),
  /** Instead of APPOINTMENTS_KEY, during a key rotation: keys separated by commas, the current one first. */
  APPOINTMENTS_KEYS: optional(z.string()),
  /** smtp:// or smtps:// URL of the mail server for staff notifications. */
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// URL" })),
  /** Who is told of each new appointment request. */
  STAFF_NOTIFY_EMAIL: optional(z.email({ error: "must be an email address" })),
  /** The sender of staff notifications; required when they are on (no made-up default a mail server would refuse). */
  MAIL_FROM: optional(
    z.string().refine(isMailbox, {
      error: 'must be an email address or "Name <address>", such as "Mocek Spine website <website@mocekspine.com>"',
    }),
  ),
  /** Appointment requests allowed per client address (an IPv4 address, or an IPv6 /64) in each window. */
  RATE_LIMIT_MAX: positiveInt(5),
  RATE_LIMIT_WINDOW_SECONDS: positiveInt(600),
  /** Appointment requests the whole site takes in each window, whoever sends them: a cap on a flood from many addresses. */
  RATE_LIMIT_GLOBAL_MAX: positiveInt(100),
  /**
   * How many proxies we run in front of the site (Caddy, nginx, a load balancer), each appending to
   * X-Forwarded-For: the client's address is read that many entries from the right, where a client cannot write.
   */
  TRUSTED_PROXIES: positiveInt(1),
  /** Days an appointment request is kept; older ones are deleted automatically. Unset: kept until staff purge them. */
  RETENTION_DAYS: optional(
    z.coerce.number({ error: "must be a whole number of days" }).int({ error: "must be a whole number of days" }).positive({ error: "must be above 0" }),
  ),
  /** Delay before the first retry of a staff notification (doubles each time), and how often the outbox looks. */
  OUTBOX_RETRY_BASE_MS: positiveInt(30_000),
  OUTBOX_POLL_MS: positiveInt(15_000),
  /**
   * Where `npm run site` keeps releases (docs/deploy.md, "Releases"); the supervisor sets it for the release it
   * runs, so admins can see releases and roll back from /staff/releases. Unset: the site is not run that way.
   */
  SITE_ROOT: optional(z.string().refine((root) => path.isAbsolute(root), { error: "must be an absolute path, e.g. /srv/mocek-spine" })),
  /**
   * The git checkout the web editor publishes into (lib/publishing/): each publish is one commit on
   * CONTENT_GIT_BRANCH, made without touching that checkout's files or index. Unset: the editor cannot publish.
   */
  CONTENT_GIT_REPOSITORY: optional(
    z.string().refine((repository) => path.isAbsolute(repository), { error: "must be the absolute path of a git checkout, e.g. /srv/mocek-spine/site" }),
  ),
  /** The branch the editor commits to and the release path builds from. */
  CONTENT_GIT_BRANCH: z
    .string()
    .regex(/^(?!-)(?!.*\.\.)[A-Za-z0-9._/-]+$/, { error: "must be a branch name such as main" })
    .default("main"),
  /** The remote the editor pushes each publish to (`npm run site -- update` fetches from it). Unset: no push. */
  CONTENT_GIT_REMOTE: optional(z.string().regex(/^(?!-)[^\s]+$/, { error: "must be the name or URL of a git remote, such as origin" })),
}).check((ctx) => {
  const { SMTP_URL, STAFF_NOTIFY_EMAIL, MAIL_FROM, APPOINTMENTS_KEY, APPOINTMENTS_KEYS } = ctx.value;
  if (APPOINTMENTS_KEY && APPOINTMENTS_KEYS) {
    ctx.issues.push({
      code: "custom",
      input: undefined,
      path: ["APPOINTMENTS_KEYS"],
      message:
        "and APPOINTMENTS_KEY are both set: set one. APPOINTMENTS_KEYS lists every key, the current one first; " +
        "APPOINTMENTS_KEY is the same with one key",
    });
  }
  if (ctx.value.DATABASE_URL && !APPOINTMENTS_KEY && !APPOINTMENTS_KEYS) {
    ctx.issues.push({
      code: "custom",
      input: undefined,
      path: ["APPOINTMENTS_KEY"],
      message:
        "must be set when DATABASE_URL is: every server sharing the database must encrypt with the same key, " +
        "and a key generated on one server could not be read by another",
    });
  }
  if (SMTP_URL && STAFF_NOTIFY_EMAIL && !MAIL_FROM) {
    ctx.issues.push({
      code: "custom",
      input: MAIL_FROM,
      path: ["MAIL_FROM"],
      message:
        "must be set when staff notifications are on (SMTP_URL and STAFF_NOTIFY_EMAIL are set): the sender the mail " +
        'server accepts for this site, such as "Mocek Spine website <website@mocekspine.com>"',
    });
  }
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

/** Settings that are secrets, or URLs that may hold a password: an error names them but never prints them. */
const SECRETS = new Set(["APPOINTMENTS_KEY", "APPOINTMENTS_KEYS", "OUTBOX_DRAIN_TOKEN"]);
const URLS_WITH_PASSWORDS = new Set(["SMTP_URL", "DATABASE_URL"]);

/** A bad value as an error message may show it (error messages end up in logs): secrets hidden, a URL's password left out. */
function shownValue(name: string, value: string | undefined): string {
  if (value === undefined || value === "") return "(it is not set)";
  if (SECRETS.has(name)) return "(its value is not shown: it is a secret)";
  if (URLS_WITH_PASSWORDS.has(name)) return `(it is "${value.replace(/\/\/[^/@]*@/, "//…@")}")`;
  return `(it is "${value}")`;
}

/** Parses an environment; throws one error that lists every bad variable and what it must be. */
export function parseServerEnv(env: Record<string, string | undefined>): ServerEnv {
  const result = serverEnvSchema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `  - ${name} ${issue.message} ${shownValue(name, env[name])}`;
  });
  throw new Error(`Environment variables need fixing:\n${problems.join("\n")}`);
}

let parsedEnv: ServerEnv | undefined;

/** At a server's start: a bad setting is reported with `report` and stops the process. */
export function stopOnInvalidServerEnv(report: (message: string) => void): void {
  try {
    getServerEnv();
  } catch (error) {
    report((error as Error).message);
    process.exit(1);
  }
}

/** The validated environment of this process. */
export function getServerEnv(): ServerEnv {
  parsedEnv ??= parseServerEnv(process.env);
  return parsedEnv;
}
