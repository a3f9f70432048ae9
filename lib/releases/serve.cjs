// Copied by scripts/complete-standalone.mjs to .next/standalone/serve.js. Runs the site: node serve.js (settings:
// docs/deploy.md). Plain CommonJS: it runs before, and beside, Next's own server.js.
"use strict";

// A log write that fails (a full disk, a closed pipe) is dropped, never an uncaught error that stops the server.
for (const stream of [process.stdout, process.stderr]) stream.on("error", () => {});

const cluster = require("node:cluster");

if (!cluster.isWorker) {
  require("./server.js");
} else {
  runAsRelease();
}

/**
 * Under `npm run site -- serve` (lib/releases/supervisor.ts) this process is one release among the supervisor's
 * workers. Next serves on a private port first; the supervisor checks its /api/health there, then sends "join":
 * from then on this process also accepts connections from the public socket the supervisor shares with every
 * release. "leave" stops that, lets the requests in progress finish, and exits.
 */
function runAsRelease() {
  const http = require("node:http");
  const net = require("node:net");

  // Next creates its one HTTP server inside server.js; connections from the public socket are handed to it.
  let nextServer;
  const createServer = http.createServer;
  http.createServer = function (...args) {
    const server = createServer.apply(this, args);
    nextServer ??= server;
    return server;
  };
  // The supervisor decides when this process stops; Next's own handler would exit at once, mid-request.
  process.env.NEXT_MANUAL_SIG_HANDLE = "1";
  require("./server.js");

  const sockets = new Set();
  let leaving = false;
  let publicAcceptor;

  function track(server) {
    server.on("connection", (socket) => {
      sockets.add(socket);
      socket.once("close", () => {
        sockets.delete(socket);
        if (leaving && sockets.size === 0) process.exit(0);
      });
    });
    // While leaving, every answer closes its connection, so no client sends its next request to this process.
    server.prependListener("request", (_request, response) => {
      if (leaving) response.shouldKeepAlive = false;
    });
  }

  process.on("message", (message) => {
    if (message?.type === "join") {
      if (!nextServer) {
        process.send({ type: "join-failed", error: "Next did not create its server with http.createServer: this Next version is not supported by serve.js" });
        return;
      }
      track(nextServer);
      publicAcceptor = net.createServer((socket) => nextServer.emit("connection", socket));
      publicAcceptor.once("error", (error) => process.send({ type: "join-failed", error: error.message }));
      publicAcceptor.listen({ host: message.host, port: message.port }, () => process.send({ type: "joined" }));
    } else if (message?.type === "leave") {
      leaving = true;
      publicAcceptor?.close();
      // Stops the private port. net's close, not http's: since Node 19 the latter also cuts idle connections.
      if (nextServer?.listening) net.Server.prototype.close.call(nextServer);
      // Open connections are not cut: one may carry a request on its way. Each closes after its next answer, or
      // when it has been idle for the server's keep-alive timeout (5 s), as any Node server's would.
      if (sockets.size === 0) process.exit(0);
    }
  });
}
