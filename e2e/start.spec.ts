import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures';

// The README's start command (`npm start`: the Vite dev server on port 5173) must serve the app.
const PORT = 5173;
const APP_URL = `http://localhost:${PORT}/`;
const STARTUP_TIMEOUT_MS = 60_000;
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True when something already accepts connections on localhost:port (IPv4 or IPv6). */
function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({
      host: 'localhost',
      port,
      autoSelectFamily: true,
    });
    socket.setTimeout(2_000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Status code of GET url, or null when nothing answers. */
function httpStatus(url: string): Promise<number | null> {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 2_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? null);
    });
    req.once('timeout', () => req.destroy());
    req.once('error', () => resolve(null));
  });
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Ends the whole process group (npm, sh and vite), politely first. */
async function killGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || !groupAlive(pid)) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(100);
  if (groupAlive(pid)) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}

test('`npm start` serves the app on port 5173', async ({ page }) => {
  test.setTimeout(STARTUP_TIMEOUT_MS + 30_000);

  expect(
    await portInUse(PORT),
    `port ${PORT} is already in use: stop whatever is listening on it (e.g. another \`npm start\`) and rerun`,
  ).toBe(false);

  const child = spawn('npm', ['start'], {
    cwd: repoRoot,
    detached: true, // own process group, so the whole tree can be ended at once
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, BROWSER: 'none', FORCE_COLOR: '0' },
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited: number | string | null | undefined;
  child.once('exit', (code, signal) => (exited = code ?? signal));

  try {
    const deadline = Date.now() + STARTUP_TIMEOUT_MS;
    let status: number | null = null;
    while (Date.now() < deadline) {
      if (exited !== undefined) break;
      status = await httpStatus(APP_URL);
      if (status !== null) break;
      await sleep(250);
    }
    expect(exited, `\`npm start\` exited (${String(exited)}) before serving ${APP_URL}:\n${output}`).toBeUndefined();
    expect(status, `${APP_URL} did not answer within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output}`).toBe(200);

    await page.goto(APP_URL);
    await expect(page).toHaveTitle('podflow');
    await expect(page.locator('#root')).not.toBeEmpty();
    // Leave the page before the server goes: Vite's client would poll the dead server and log refused connections.
    await page.goto('about:blank');
  } finally {
    await killGroup(child);
  }
});
