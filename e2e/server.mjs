// Starts samspill with the demo organisation on a fresh SQLite file and a free port.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const BIN = process.env.SAMSPILL_BIN || resolve(import.meta.dirname, "../target/debug/samspill");

export function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.on("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/// Starts samspill; `port` when the address must be known beforehand (an identity provider sends
/// people back to it), `env` for further settings.
export async function startServer({ port, env = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "samspill-e2e-"));
  port ??= await freePort();
  const base = `http://127.0.0.1:${port}`;
  // samspill reads the time from this file while it holds one: tests move to a later day.
  const clock = join(dir, "clock");
  const child = spawn(BIN, ["serve", "--demo", "--bind", `127.0.0.1:${port}`, "--base-url", base], {
    env: { ...process.env, SAMSPILL_DATABASE_URL: `sqlite://${join(dir, "samspill.db")}`, SAMSPILL_CLOCK_FILE: clock, RUST_LOG: "warn", ...env },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const failed = new Promise((_, fail) => child.once("error", (e) => fail(new Error(`cannot start ${BIN}: ${e.message}`))));
  failed.catch(() => {});
  for (let i = 0; ; i++) {
    if (i === 300) throw new Error("samspill did not answer /healthz within 30 s");
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (child.exitCode !== null) throw new Error(`samspill exited with ${child.exitCode}`);
    await Promise.race([failed, new Promise((r) => setTimeout(r, 100))]);
  }
  return {
    base,
    /// Sets samspill's clock to a Date, or back to the real time with null.
    setClock(date) {
      writeFileSync(clock, date ? date.toISOString() : "");
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((r) => (child.exitCode !== null ? r() : child.once("exit", r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
