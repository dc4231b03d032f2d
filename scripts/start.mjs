// `npm start`: open the extension on examples/ in a VS Code. With a desktop VS Code (`code` on the
// PATH) that is `code --extensionDevelopmentPath=<repo> <repo>/examples`, the standard F5 route.
// Without one, a local VS Code in the browser: package the extension, install it into code-server on
// loopback (installed on first use by scripts/install-offline-vscode.sh, which needs root or sudo
// for its Debian packages) and print the URL. Elsewhere it says what is missing. The choice is
// made by chooseStartRoute (start-route.mjs) from the facts gathered here; --dry-run prints both.
import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { delimiter, join, resolve } from 'node:path';
import { chooseStartRoute } from './start-route.mjs';

const root = resolve(import.meta.dirname, '..');
const codeServer = join(root, '.vscode-test/code-server/node_modules/code-server/out/node/entry.js');
const scratch = join(root, '.vscode-test/start');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = join(root, `${name}-${version}.vsix`);

/** The first executable called `command` on the PATH, as the shell would find it. */
function onPath(command) {
  const extensions = process.platform === 'win32' ? ['.cmd', '.exe', ''] : [''];
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    for (const extension of extensions) {
      const candidate = join(dir, command + extension);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

function gatherFacts() {
  const isRoot = process.getuid?.() === 0;
  return {
    platform: process.platform,
    repoRoot: root,
    codeOnPath: onPath('code'),
    display: Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY || process.env.VSCODE_IPC_HOOK_CLI),
    codeServerInstalled: existsSync(codeServer),
    privileged: isRoot || (onPath('sudo') !== undefined && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0),
    aptGet: onPath('apt-get') !== undefined,
  };
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root, ...options });
  if (result.status !== 0) {
    console.error(`npm start: ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(1);
  }
}

function freePort(preferred) {
  return new Promise((done) => {
    const server = createServer();
    server.once('error', () => server.listen(0, '127.0.0.1'));
    server.once('listening', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.listen(preferred, '127.0.0.1');
  });
}

async function startCodeServer(install) {
  if (install) run('bash', ['scripts/install-offline-vscode.sh']);
  run('npm', ['run', '--silent', 'package']);

  const home = join(scratch, 'home');
  const dirs = { home, userData: join(scratch, 'user-data'), extensions: join(scratch, 'extensions') };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config'), XDG_DATA_HOME: join(home, '.local/share'), EXTENSIONS_GALLERY: '{}' };
  const common = ['--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  run(process.execPath, [codeServer, ...common, '--install-extension', vsix, '--force'], { env, stdio: ['ignore', 'ignore', 'inherit'] });

  const port = await freePort(Number(process.env.PORT ?? 8080));
  const server = spawn(
    process.execPath,
    [codeServer, ...common, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', join(root, 'examples')],
    { env, stdio: ['ignore', 'ignore', 'inherit'] },
  );
  console.log(`\nMentoring Plan is running in VS Code at http://127.0.0.1:${port}/?folder=${encodeURI(join(root, 'examples'))}`);
  console.log('Open the Mentoring view in the activity bar. Press Ctrl+C to stop.');
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

const facts = gatherFacts();
const route = chooseStartRoute(facts);
if (process.argv.includes('--dry-run')) {
  // `node scripts/start.mjs --dry-run`: what was found and which route follows, without starting anything.
  console.log(JSON.stringify({ facts, route }, null, 2));
  process.exit(0);
}
if (route.kind === 'desktop') {
  run(process.execPath, ['esbuild.mjs']);
  // On Windows `code` is a .cmd script, which only a shell can run.
  const windows = process.platform === 'win32';
  run(route.command, windows ? route.args.map((arg) => `"${arg}"`) : route.args, { shell: windows });
  console.log('\nVS Code opened examples/ with this checkout as the extension under development.');
  console.log('For breakpoints in src/, open this folder in VS Code and press F5 ("Run Extension", which also starts npm run watch).');
} else if (route.kind === 'code-server') {
  await startCodeServer(route.install);
} else {
  console.error(route.message);
  process.exit(1);
}
