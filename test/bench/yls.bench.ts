// The same plans through yaml-language-server, the validation Red Hat's YAML extension runs on each
// keystroke, with our schema associated the way package.json's `yamlValidation` does it. The peer
// is installed on demand into the gitignored .bench/yls/, never as a dependency of the extension.
// MENTORING_BENCH_YLS=skip leaves the comparison out.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Figures } from './measure';
import { formatTiming, timeRuns } from './measure';
import { benchPlan, keystrokeOffset, kilobytes, REPO_ROOT, SIZES } from './plans';

/** Pinned so figures compare run to run; 2.x needs Node 22, the project runs on Node 20. */
export const YLS_VERSION = '1.25.0';
const INSTALL_DIR = join(REPO_ROOT, '.bench/yls');

// The slice of the peer's API the bench uses (its own types live in the peer's folder, not ours).
interface Position {
  line: number;
  character: number;
}
interface TextDocument {
  readonly uri: string;
  readonly version: number;
  positionAt(offset: number): Position;
}
interface TextDocumentModule {
  TextDocument: {
    create(uri: string, languageId: string, version: number, content: string): TextDocument;
    update(document: TextDocument, changes: { range: { start: Position; end: Position }; text: string }[], version: number): TextDocument;
  };
}
interface LanguageService {
  configure(settings: { validate: boolean; hover: boolean; completion: boolean; format: boolean; schemas: { uri: string; fileMatch: string[] }[] }): void;
  doValidation(document: TextDocument, isKubernetes: boolean): Promise<{ message: string }[]>;
}
interface YamlLanguageServerModule {
  getLanguageService(params: { schemaRequestService: (uri: string) => Promise<string>; workspaceContext: { resolveRelativePath(path: string, resource: string): string } }): LanguageService;
}

export type PeerStatus = { ok: true; version: string } | { ok: false; reason: string };

function installedVersion(): string | undefined {
  const manifest = join(INSTALL_DIR, 'node_modules/yaml-language-server/package.json');
  return existsSync(manifest) ? (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version : undefined;
}

/** Installs the pinned peer unless it is there; the reason when it cannot be had. */
function ensurePeer(): PeerStatus {
  if (process.env.MENTORING_BENCH_YLS === 'skip') return { ok: false, reason: 'MENTORING_BENCH_YLS=skip' };
  if (installedVersion() === YLS_VERSION) return { ok: true, version: YLS_VERSION };
  console.log(`Installing yaml-language-server@${YLS_VERSION} into .bench/yls/ for the comparison (once)…`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['install', '--prefix', INSTALL_DIR, `yaml-language-server@${YLS_VERSION}`, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--loglevel=error'];
  const result = spawnSync(npm, args, { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.error) return { ok: false, reason: `npm could not run: ${result.error.message}` };
  if (result.status !== 0) {
    // npm's own words, without its log-file and proxy boilerplate: the line that names the cause.
    const lines = `${result.stderr}`.split('\n').map((line) => line.replace(/^npm (error|ERR!)\s*/, '').trim()).filter((line) => line && !/complete log|proxy|npm help/.test(line));
    const cause = (lines.find((line) => line.includes('reason:')) ?? lines.find((line) => /^code /.test(line)) ?? lines[0] ?? '').slice(0, 300);
    return { ok: false, reason: `npm install yaml-language-server@${YLS_VERSION} failed (exit ${result.status})${cause ? `: ${cause}` : ''}` };
  }
  const version = installedVersion();
  return version === YLS_VERSION ? { ok: true, version } : { ok: false, reason: `npm finished but .bench/yls holds ${version ?? 'no'} yaml-language-server` };
}

/** Our schema and file pattern, as the extension contributes them to Red Hat's YAML extension. */
function schemaAssociation(): { uri: string; path: string; fileMatch: string[] } {
  const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { contributes: { yamlValidation: { fileMatch: string[]; url: string }[] } };
  const [contribution] = manifest.contributes.yamlValidation;
  const path = resolve(REPO_ROOT, contribution.url);
  return { uri: pathToFileURL(path).href, path, fileMatch: contribution.fileMatch };
}

/**
 * Where a plan would live in a workspace; never written. Not under .bench/: the peer's file
 * patterns do not match inside dot-folders, so the schema would silently not apply there.
 */
function virtualPlanUri(name: string): string {
  return pathToFileURL(join(REPO_ROOT, 'examples', `${name}.mentoring.yaml`)).href;
}

export async function benchYamlLanguageServer(figures: Figures): Promise<PeerStatus> {
  const status = ensurePeer();
  if (!status.ok) return status;
  const load = createRequire(join(INSTALL_DIR, 'bench.js'));
  // The language service alone (lib/umd), not the package's main, which starts a server on stdio.
  const { getLanguageService } = load('yaml-language-server/lib/umd/index.js') as YamlLanguageServerModule;
  const { TextDocument } = load('vscode-languageserver-textdocument') as TextDocumentModule;
  const schema = schemaAssociation();
  const service = getLanguageService({
    // Only our schema, from the local file: nothing is fetched.
    schemaRequestService: async (uri) => {
      if (uri !== schema.uri) throw new Error(`the bench serves only ${schema.uri}, not ${uri}`);
      return readFileSync(schema.path, 'utf8');
    },
    workspaceContext: { resolveRelativePath: (path, resource) => new URL(path, resource).href },
  });
  service.configure({ validate: true, hover: false, completion: false, format: false, schemas: [{ uri: schema.uri, fileMatch: schema.fileMatch }] });

  // A plan with one wrong enum must get a diagnostic, or the peer is not validating against our schema.
  const probe = benchPlan(50).replace('type: checkin', 'type: not-a-type');
  const probeDiagnostics = await service.doValidation(TextDocument.create(virtualPlanUri('probe'), 'yaml', 1, probe), false);
  if (probeDiagnostics.length === 0) return { ok: false, reason: `yaml-language-server ${status.version} reported nothing on a plan with a wrong session type: the schema did not apply` };

  console.log(`yaml-language-server ${status.version}, doValidation with our schema (median of runs after a warm-up):`);
  for (const sessions of SIZES) {
    const plan = benchPlan(sessions);
    const uri = virtualPlanUri(`bench-${sessions}`);
    // The peer caches its parse by document version: a new version of the same text is a whole check.
    let document = TextDocument.create(uri, 'yaml', 1, plan);
    let diagnostics = 0;
    const full = await timeRuns(async () => {
      document = TextDocument.create(uri, 'yaml', document.version + 1, plan);
      diagnostics = (await service.doValidation(document, false)).length;
    }, { runs: 5, budgetMs: 5000, warmUps: 1 });
    figures.record(`yls.full.${sessions}`, full);

    // One keystroke, sent as the incremental change an editor sends, then validation again.
    const at = document.positionAt(keystrokeOffset(plan, sessions));
    const recheck = await timeRuns(async () => {
      document = TextDocument.update(document, [{ range: { start: at, end: at }, text: '!' }], document.version + 1);
      await service.doValidation(document, false);
    }, { runs: 5, budgetMs: 5000, warmUps: 0 }); // the whole checks just before warmed the same code
    figures.record(`yls.recheck.${sessions}`, recheck);
    console.log(`  ${sessions.toLocaleString('en-US')} sessions (${kilobytes(plan)}), ${diagnostics} diagnostics: full ${formatTiming(full)}, re-check after a keystroke ${formatTiming(recheck)}`);
  }
  return status;
}
