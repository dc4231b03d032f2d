// `npm start`: package the extension, install it into a local VS Code (code-server on loopback,
// installed on first use by scripts/install-offline-vscode.sh) and open examples/ in it.
// Everything it writes stays in .vscode-test/ (gitignored); nothing is fetched from the internet.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const codeServer = join(root, '.vscode-test/code-server/node_modules/code-server/out/node/entry.js');
const scratch = join(root, '.vscode-test/start');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = join(root, `${name}-${version}.vsix`);

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

if (!existsSync(codeServer)) run('bash', ['scripts/install-offline-vscode.sh']);
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
