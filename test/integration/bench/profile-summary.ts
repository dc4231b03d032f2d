// `node out/test/integration/bench/profile-summary.js FILE.cpuprofile [TOP]`: the functions that
// took the most time in a CPU profile written by `npm run bench:vscode` with
// MENTORING_BENCH_PROFILE=<dir>, by self time and by total time (a function counted once per
// sample however deep it recurses), so a report can name where the extension host's time went;
// then the longest stretches without an idle sample, the tasks a completion or a command waited behind.
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function label(frame: CallFrame): string {
  const file = frame.url.split('/').pop() ?? frame.url;
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

const [path, topArg] = process.argv.slice(2);
if (!path) {
  console.error('usage: profile-summary FILE.cpuprofile [TOP]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const self = new Map<string, number>();
const total = new Map<string, number>();
/**
 * Busy time by whose code it was: a sample counts for this extension when any frame of its stack
 * is in its bundle (VS Code's machinery running our provider counts as ours), else for another
 * extension's file when one is on the stack, else for VS Code's extension host (its IPC, tree and
 * diagnostics machinery), the garbage collector or the runtime.
 */
const origin = new Map<string, number>();
const OUR_BUNDLE = /\/dist\/extension\.js$/;
function originOf(id: number): string {
  let other: string | undefined;
  let host = false;
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (!frame) break;
    if (OUR_BUNDLE.test(frame.url)) return 'this extension (dist/extension.js)';
    if (/extensionHostProcess\.js$/.test(frame.url)) host = true;
    else if (/\/extensions\//.test(frame.url)) other ??= `another extension (${frame.url.replace(/.*\/extensions\/([^/]+)\/.*/, '$1')})`;
  }
  const name = byId.get(id)?.callFrame.functionName;
  if (name === '(garbage collector)') return 'garbage collector';
  return other ?? (host ? "VS Code's extension host" : `runtime (${name || 'other'})`);
}
let sampled = 0;
let idle = 0;
profile.samples.forEach((id, index) => {
  // timeDeltas[i] is the time before sample i; the time after it is the next delta.
  const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
  sampled += ms;
  const node = byId.get(id);
  if (!node) return;
  const name = label(node.callFrame);
  if (node.callFrame.functionName === '(idle)') idle += ms;
  else origin.set(originOf(id), (origin.get(originOf(id)) ?? 0) + ms);
  self.set(name, (self.get(name) ?? 0) + ms);
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (!frame) break;
    const key = label(frame);
    if (seen.has(key)) continue;
    seen.add(key);
    total.set(key, (total.get(key) ?? 0) + ms);
  }
});

const print = (title: string, values: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, ms] of [...values].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${ms.toFixed(0).padStart(8)} ms  ${((100 * ms) / sampled).toFixed(1).padStart(5)}%  ${name}`);
};
console.log(`${path}: ${(sampled / 1000).toFixed(1)} s sampled, ${(idle / 1000).toFixed(1)} s idle, ${((sampled - idle) / 1000).toFixed(1)} s busy`);
print('busy time by origin', origin);
print('self time', self);
print('total time', total);

/**
 * The longest runs of samples with no idle one between them: the host's main thread was not free
 * for that long, so a completion asked then waited at least as long. Each with the functions it
 * spent the most total time in (garbage collection counted by name).
 */
const stretches: { start: number; ms: number; total: Map<string, number> }[] = [];
let current: (typeof stretches)[number] | undefined;
let clock = 0;
profile.samples.forEach((id, index) => {
  const ms = (profile.timeDeltas[index + 1] ?? 0) / 1000;
  const node = byId.get(id);
  clock += (profile.timeDeltas[index] ?? 0) / 1000;
  if (!node || node.callFrame.functionName === '(idle)') {
    current = undefined;
    return;
  }
  if (!current) stretches.push((current = { start: clock, ms: 0, total: new Map() }));
  current.ms += ms;
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parentOf.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (!frame) break;
    const key = label(frame);
    if (seen.has(key) || key.startsWith('(root)')) continue;
    seen.add(key);
    current.total.set(key, (current.total.get(key) ?? 0) + ms);
  }
});
console.log('\nlongest stretches without an idle sample (start in the profile, length, where the time went)');
for (const stretch of [...stretches].sort((a, b) => b.ms - a.ms).slice(0, Math.min(top, 10))) {
  const where = [...stretch.total].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, ms]) => `${name} ${ms.toFixed(0)}`);
  console.log(`  ${(stretch.start / 1000).toFixed(2).padStart(6)} s  ${stretch.ms.toFixed(0).padStart(5)} ms  ${where.join(' · ')}`);
}
