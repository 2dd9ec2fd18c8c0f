#!/usr/bin/env node
// Makes sure a system Chromium and a CJK font are present for the browser tests.
// Playwright's own browser download is never used: it cannot be fetched on this network.
// Order: $CHROMIUM_PATH (if the file exists), then /usr/bin/chromium, else apt-get install.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const FONT_PACKAGE = 'fonts-wqy-microhei';
const PACKAGES = ['chromium', FONT_PACKAGE];

function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  if (existsSync(SYSTEM_CHROMIUM)) return SYSTEM_CHROMIUM;
  return null;
}

function hasDebPackage(name) {
  const r = spawnSync('dpkg', ['-s', name], { stdio: 'ignore' });
  return r.status === 0;
}

function fail(message) {
  console.error(`ensure-chromium: ${message}`);
  console.error(
    `ensure-chromium: install them with: sudo apt-get update && sudo apt-get install -y ${PACKAGES.join(' ')}` +
      ' (or set CHROMIUM_PATH to an existing Chromium binary)',
  );
  process.exit(1);
}

function run(argv) {
  const r = spawnSync(argv[0], argv.slice(1), {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return r.status === 0;
}

function aptInstall(packages) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  let prefix;
  if (isRoot) prefix = [];
  else if (spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0)
    prefix = ['sudo', '-n', '--preserve-env=DEBIAN_FRONTEND'];
  else fail(`missing ${packages.join(', ')}, and not root nor allowed to sudo without a password.`);

  if (spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status !== 0) {
    fail(`missing ${packages.join(', ')}, and apt-get is not available on this machine.`);
  }
  console.log(`ensure-chromium: installing ${packages.join(' ')} with apt-get`);
  if (!run([...prefix, 'apt-get', 'update'])) fail('apt-get update failed.');
  if (!run([...prefix, 'apt-get', 'install', '-y', ...packages])) {
    fail(`apt-get install ${packages.join(' ')} failed.`);
  }
}

let chromium = findChromium();
const missing = [];
if (!chromium) missing.push('chromium');
if (!hasDebPackage(FONT_PACKAGE)) missing.push(FONT_PACKAGE);

if (missing.length > 0) {
  aptInstall(missing);
  chromium = findChromium();
  if (!chromium) fail(`chromium is still missing after the install (looked at $CHROMIUM_PATH and ${SYSTEM_CHROMIUM}).`);
  if (!hasDebPackage(FONT_PACKAGE)) fail(`${FONT_PACKAGE} is still missing after the install.`);
}

console.log(`ensure-chromium: using ${chromium}`);
