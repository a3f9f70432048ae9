/**
 * `npm run site -- serve`: the one long-running process of a server (systemd's service), which runs the live
 * release and switches releases without a failed request.
 *
 * How a switch loses nothing: the public port is one listening socket, held by Node's cluster module in this
 * process and shared with the release processes (its workers) under SCHED_NONE, so each release accepts
 * connections straight from the same kernel queue. A new release first starts on a private port of its own;
 * only when its /api/health there says it is ready (the commit we asked for, a store it can write) does it start
 * accepting on the public socket. Then the old release stops accepting, finishes the requests it has, and exits.
 * The socket is never closed in between, so no connection is refused or reset: the kernel queues each one until
 * a release accepts it. No proxy of our own sits in the path; the same mechanism as `cluster`'s worker restarts.
 */
import cluster, { type Worker } from "node:cluster";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { freePort } from "../../scripts/lib/free-port";
import type { SwitchRequest } from "./control";
import { short, type SiteLayout } from "./layout";

export interface SupervisorOptions {
  layout: SiteLayout;
  host: string;
  port: number;
  say: (line: string) => void;
  /** How long a new release may take to say it is ready before it is given up (and the old one kept). */
  readyTimeoutMs?: number;
  /** How long an old release may take to finish its requests before it is stopped. */
  drainTimeoutMs?: number;
}

/** The messages a release's serve.js understands and sends (scripts/standalone-serve.cjs). */
type ReleaseMessage = { type: "joined" } | { type: "join-failed"; error: string } | { type: "left" };

interface RunningRelease {
  commit: string;
  worker: Worker;
}

export class Supervisor {
  private live: RunningRelease | undefined;
  /** Switches run one after another; a second request waits for the first. */
  private queue: Promise<unknown> = Promise.resolve();
  private control: http.Server | undefined;
  private stopping = false;

  constructor(private readonly options: SupervisorOptions) {}

  /** Serves the release live.json names (or the newest kept one) and opens the control socket. */
  async start(): Promise<void> {
    const { layout } = this.options;
    // Every release process accepts from the shared socket itself; the default (round-robin through this
    // process) would make this process a proxy and lose connections it holds when a release leaves.
    cluster.schedulingPolicy = cluster.SCHED_NONE;
    const wanted = layout.live()?.commit;
    const kept = layout.releases().map((release) => release.commit);
    if (kept.length === 0) throw new Error(`there is no release in ${layout.releasesDir}: run \`npm run site -- update\` first`);
    // The live one first; should it no longer start (a machine restarted with a broken database setting, say),
    // the other kept releases, newest first, rather than no site at all.
    const candidates = wanted && kept.includes(wanted) ? [wanted, ...kept.filter((commit) => commit !== wanted)] : kept;
    for (const [index, commit] of candidates.entries()) {
      try {
        await this.switchTo(commit);
        break;
      } catch (error) {
        this.options.say(`${short(commit)} could not start: ${(error as Error).message}`);
        if (index === candidates.length - 1) throw new Error("no kept release could start; see the lines above");
      }
    }
    await this.openControl();
  }

  /** Serializes switches: resolves when `commit` is live; rejects (the old release still serving) when it cannot be. */
  switchTo(commit: string): Promise<void> {
    const next = this.queue.then(() => this.performSwitch(commit));
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async performSwitch(commit: string): Promise<void> {
    const { layout, say } = this.options;
    if (this.live?.commit === commit) return;
    if (!layout.release(commit)) throw new Error(`${short(commit)} is not a kept release (see npm run site -- status)`);
    const previous = this.live;
    say(`starting ${short(commit)}${previous ? ` beside ${short(previous.commit)}` : ""}`);
    const worker = await this.startRelease(commit);
    this.live = { commit, worker };
    layout.writeLive({ commit, since: new Date().toISOString() });
    say(`${short(commit)} is accepting requests`);
    if (previous) await this.retire(previous);
  }

  private async startRelease(commit: string): Promise<Worker> {
    const { layout, host, port, readyTimeoutMs = 120_000 } = this.options;
    const serverDir = layout.serverDir(commit);
    const privatePort = await freePort();
    cluster.setupPrimary({ exec: path.join(serverDir, "serve.js"), cwd: serverDir, execArgv: [], silent: false });
    const worker = cluster.fork({ PORT: String(privatePort), HOSTNAME: "127.0.0.1", SITE_ROOT: layout.root });
    const exited = new Promise<never>((_, reject) =>
      worker.once("exit", (code, signal) => reject(new Error(`${short(commit)} stopped before it was ready (${signal ?? `exit ${code}`}); see the service's log`))),
    );
    exited.catch(() => undefined);
    try {
      await Promise.race([waitUntilReady(privatePort, commit, readyTimeoutMs), exited]);
      await Promise.race([this.join(worker, host, port), exited]);
    } catch (error) {
      worker.removeAllListeners("exit");
      worker.process.kill("SIGKILL");
      throw error;
    }
    worker.removeAllListeners("exit");
    worker.once("exit", (code, signal) => this.onUnexpectedExit(commit, worker, code, signal));
    return worker;
  }

  private join(worker: Worker, host: string, port: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const onMessage = (message: ReleaseMessage) => {
        if (message.type === "joined") resolve();
        else if (message.type === "join-failed") reject(new Error(`the release could not take the public port: ${message.error}`));
        else return;
        worker.off("message", onMessage);
      };
      worker.on("message", onMessage);
      worker.send({ type: "join", host, port });
    });
  }

  /** Tells an old release to stop accepting and to exit once its requests are answered. */
  private async retire(release: RunningRelease): Promise<void> {
    const { drainTimeoutMs = 60_000, say } = this.options;
    release.worker.removeAllListeners("exit");
    const exited = new Promise<void>((resolve) => release.worker.once("exit", () => resolve()));
    release.worker.send({ type: "leave" });
    const timer = setTimeout(() => {
      say(`${short(release.commit)} still had requests after ${drainTimeoutMs / 1000} s: stopped`);
      release.worker.process.kill("SIGKILL");
    }, drainTimeoutMs);
    await exited;
    clearTimeout(timer);
    say(`${short(release.commit)} has finished its requests and stopped`);
  }

  /** The live release crashed: start it again (the public socket stays open, so clients wait, not fail). */
  private onUnexpectedExit(commit: string, worker: Worker, code: number | null, signal: string | null) {
    if (this.stopping || this.live?.worker !== worker) return;
    this.options.say(`${short(commit)} stopped unexpectedly (${signal ?? `exit ${code}`}); starting it again`);
    this.live = undefined;
    void this.switchTo(commit).catch((error) => this.options.say(`could not start ${short(commit)} again: ${(error as Error).message}`));
  }

  private async openControl(): Promise<void> {
    const socket = this.options.layout.controlSocket;
    fs.mkdirSync(path.dirname(socket), { recursive: true, mode: 0o700 });
    fs.chmodSync(path.dirname(socket), 0o700);
    if (await isListening(socket)) throw new Error(`another supervisor is running (${socket} answers)`);
    fs.rmSync(socket, { force: true });
    this.control = http.createServer((request, response) => void this.handleControl(request, response));
    await new Promise<void>((resolve, reject) => this.control!.once("error", reject).listen(socket, resolve));
  }

  private async handleControl(request: http.IncomingMessage, response: http.ServerResponse) {
    const answer = (status: number, body: object) => response.writeHead(status, { "Content-Type": "application/json" }).end(JSON.stringify(body));
    if (request.method !== "POST" || request.url !== "/switch") return answer(404, { error: "unknown request" });
    let body = "";
    for await (const chunk of request) body += chunk;
    let commit: string | undefined;
    try {
      commit = (JSON.parse(body) as SwitchRequest).commit;
    } catch {
      // answered below
    }
    if (typeof commit !== "string") return answer(400, { error: "expected {\"commit\": \"…\"}" });
    try {
      await this.switchTo(commit);
      answer(200, { live: commit });
    } catch (error) {
      answer(409, { error: (error as Error).message });
    }
  }

  /** SIGTERM: stop taking switches, let the live release finish its requests, then exit. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.control?.close();
    await this.queue;
    if (this.live) await this.retire(this.live);
  }
}

function isListening(socket: string): Promise<boolean> {
  return new Promise((resolve) => {
    const connection = net.connect(socket);
    connection.once("connect", () => {
      connection.destroy();
      resolve(true);
    });
    connection.once("error", () => resolve(false));
  });
}

/** Polls the release's own /api/health on its private port until it serves `commit` and can store requests. */
async function waitUntilReady(port: number, commit: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5_000) });
      const report = (await response.json()) as { status?: string; release?: { commit?: string } };
      if (response.ok && report.release?.commit === commit) return;
      last = `health answered ${response.status} ${report.status ?? ""} for ${report.release?.commit ? short(report.release.commit) : "an unknown commit"}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${short(commit)} did not become ready in ${timeoutMs / 1000} s (${last})`);
}
