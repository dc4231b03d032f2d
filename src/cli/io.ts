// The capabilities a CLI command needs, passed in so tests can run commands in memory.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<string>;
  writeFile(path: string, text: string): Promise<void>;
  readStdin(): Promise<string>;
  /** Lists files and folders of a directory; rejects when it is not one. */
  readDir(path: string): Promise<{ name: string; isDirectory: boolean }[]>;
  isDirectory(path: string): Promise<boolean>;
  exists(path: string): Promise<boolean>;
  cwd: string;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
