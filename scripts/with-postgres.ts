// Usage: tsx scripts/with-postgres.ts -- <command> [args…]
// Starts a throwaway PostgreSQL server (initdb into a temp folder, a free port on 127.0.0.1, one
// database), runs the command with DATABASE_URL pointing at it, then stops the server and removes
// the folder, whatever happens (failure, Ctrl+C, SIGTERM). Exits with the command's status.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";

const HOST = "127.0.0.1";
const SUPERUSER = "sendboard";
const DATABASE = "sendboard";
// initdb and postgres refuse to run as root; as root they run as this user (created if missing).
const FALLBACK_USER = "sendboard-pg";

type Server = { binDir: string; dir: string; dataDir: string; port: number; user: string | null };

const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
let child: ChildProcess | null = null;
let interrupted: NodeJS.Signals | null = null;

async function main(): Promise<number> {
  const command = process.argv.slice(process.argv.indexOf("--") + 1);
  if (!process.argv.includes("--") || command.length === 0) {
    console.error("Usage: tsx scripts/with-postgres.ts -- <command> [args…]");
    return 2;
  }
  for (const signal of signals) process.on(signal, () => onSignal(signal));
  const server = prepare();
  let started = false;
  try {
    await initCluster(server);
    checkInterrupted();
    await run(server, "pg_ctl", ["-D", server.dataDir, "-l", path.join(server.dir, "server.log"), "-w", "-t", "60", "-o", serverOptions(server), "start"]);
    started = true;
    const url = await createDatabase(server.port);
    checkInterrupted();
    console.error(`with-postgres: PostgreSQL on ${HOST}:${server.port} (${server.dir}), running: ${command.join(" ")}`);
    return await runCommand(command, url);
  } catch (error) {
    console.error(`with-postgres: ${error instanceof Error ? error.message : String(error)}`);
    return interrupted ? 128 + os.constants.signals[interrupted] : 1;
  } finally {
    if (started) await run(server, "pg_ctl", ["-D", server.dataDir, "-m", "immediate", "-w", "stop"]).catch((error: unknown) => console.error(`with-postgres: stopping failed: ${String(error)}`));
    rmSync(server.dir, { recursive: true, force: true });
  }
}

function checkInterrupted() {
  if (interrupted) throw new Error(`interrupted (${interrupted})`);
}

function onSignal(signal: NodeJS.Signals) {
  interrupted = signal;
  // The command gets the signal and exits; cleanup follows in main's finally.
  if (child && child.exitCode === null) child.kill(signal);
}

function prepare(): Server {
  const binDir = findBinDir();
  if (!binDir) throw new Error("PostgreSQL server binaries (initdb, pg_ctl) not found: install Debian's `postgresql` package.");
  const user = unprivilegedUser();
  const dir = mkdtempSync(path.join(os.tmpdir(), "sendboard-pg-"));
  if (user) chownSync(dir, user.uid, user.gid);
  return { binDir, dir, dataDir: path.join(dir, "data"), port: 0, user: user?.name ?? null };
}

async function initCluster(server: Server) {
  // C collation compares text byte by byte, as SQLite does; trust auth on loopback only.
  await run(server, "initdb", ["-D", server.dataDir, "-U", SUPERUSER, "--auth=trust", "--no-locale", "-E", "UTF8", "--no-sync"]);
  server.port = await findFreePort();
}

function serverOptions(server: Server): string {
  // Durability is pointless for a throwaway server; speed is not.
  return [`-h ${HOST}`, `-p ${server.port}`, `-k ${server.dir}`, "-c max_connections=200", "-c fsync=off", "-c synchronous_commit=off", "-c full_page_writes=off"].join(" ");
}

async function createDatabase(port: number): Promise<string> {
  const client = new pg.Client({ host: HOST, port, user: SUPERUSER, database: "postgres" });
  await client.connect();
  try {
    await client.query(`create database ${DATABASE}`);
  } finally {
    await client.end();
  }
  return `postgres://${SUPERUSER}@${HOST}:${port}/${DATABASE}`;
}

function runCommand(command: string[], url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    child = spawn(command[0]!, command.slice(1), { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
    child.once("error", reject);
    child.once("exit", (code, signal) => resolve(code ?? 128 + (signal ? os.constants.signals[signal] : 1)));
  });
}

/** One server program, as the unprivileged user when we are root; output is shown only on failure. */
function run(server: Server, program: string, args: string[]): Promise<void> {
  const binary = path.join(server.binDir, program);
  const [file, argv] = server.user ? ["runuser", ["-u", server.user, "--", binary, ...args]] : [binary, args];
  return new Promise((resolve, reject) => {
    const step = spawn(file, argv, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    step.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    step.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    step.once("error", reject);
    step.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${program} failed (${code}):\n${output.trim().slice(-2_000)}`))));
  });
}

function findBinDir(): string | null {
  const onPath = (process.env.PATH ?? "").split(path.delimiter).filter(Boolean);
  // Debian installs the server outside PATH, one folder per major version; newest first.
  const debian = listDir("/usr/lib/postgresql")
    .sort((a, b) => Number(b) - Number(a))
    .map((version) => `/usr/lib/postgresql/${version}/bin`);
  return [...onPath, ...debian].find((dir) => existsSync(path.join(dir, "initdb")) && existsSync(path.join(dir, "pg_ctl"))) ?? null;
}

function unprivilegedUser(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  const existing = ["postgres", FALLBACK_USER].find((name) => spawnSync("id", ["-u", name]).status === 0);
  const name = existing ?? FALLBACK_USER;
  if (!existing) {
    const created = spawnSync("useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name], { stdio: "inherit" });
    if (created.status !== 0) throw new Error(`Running as root, and the user ${name} for PostgreSQL could not be created.`);
  }
  const id = (flag: string) => Number(spawnSync("id", [flag, name], { encoding: "utf8" }).stdout.trim());
  return { name, uid: id("-u"), gid: id("-g") };
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => (port ? resolve(port) : reject(new Error("No free port found"))));
    });
  });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`with-postgres: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
