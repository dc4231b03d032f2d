// The capabilities a CLI command needs, passed in so tests can run commands in memory.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  readFile(path: string): Promise<string>;
  /**
   * Replaces the file as a whole or not at all (a temporary file beside it, then a rename). With
   * `expected`, the file must still hold that text (null: must not exist) just before the rename;
   * otherwise nothing is written and it rejects with FileChangedError.
   */
  writeFile(path: string, text: string, expected?: string | null): Promise<void>;
  readStdin(): Promise<string>;
  /** Lists files and folders of a directory; rejects when it is not one. */
  readDir(path: string): Promise<{ name: string; isDirectory: boolean }[]>;
  isDirectory(path: string): Promise<boolean>;
  exists(path: string): Promise<boolean>;
  cwd: string;
  /** True when paths are the real file system's, so a command may read them from worker threads too. */
  readonly realFileSystem?: boolean;
}

/** Exit codes shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** The file changed on disk between the command's read and its write; nothing was written. */
export class FileChangedError extends Error {
  constructor(readonly path: string) {
    super(`${path} changed on disk since it was read`);
  }
}
