// Mocha's own browser build (mocha/mocha.js, no Node built-ins), set up for BDD before any test
// file is evaluated: index.ts imports this module first, so describe/it exist when the suites load.
import 'mocha/mocha.js';

export interface BrowserMocha {
  setup(options: { ui: 'bdd'; reporter: string; timeout: number; color: boolean }): void;
  grep(pattern: RegExp): void;
  run(done: (failures: number) => void): { stats?: { passes: number; failures: number } };
}

/** The browser build keeps its instance and class on the global object (see its browser-entry). */
const scope = globalThis as unknown as {
  mocha: BrowserMocha;
  Mocha: { reporters: { Base: { consoleLog: (...args: unknown[]) => void; useColors: boolean } } };
};

export const mocha = scope.mocha;
export const reporterBase = scope.Mocha.reporters.Base;

mocha.setup({ ui: 'bdd', reporter: 'spec', timeout: 20_000, color: false });
