// The host the web tests run in: which extension they test, and what the code running here can see
// of its globals. The launcher refuses a web run whose facts do not show a web worker, and the
// first web test asserts them, so "ran in the browser" is checked, not assumed.

export const EXTENSION_ID = 'mentoring-plan.mentoring-plan';

declare const WorkerGlobalScope: { new (): unknown } | undefined;
declare const importScripts: unknown;

export function workerFacts(): { workerGlobalScope: boolean; process: string; document: string; importScripts: string } {
  return {
    // Only a worker's global object is a WorkerGlobalScope; a page or Node has none.
    workerGlobalScope: typeof WorkerGlobalScope === 'function' && globalThis instanceof WorkerGlobalScope,
    process: typeof process,
    document: typeof document,
    importScripts: typeof importScripts,
  };
}
