/** What `npm start` found on this machine. */
export interface StartFacts {
  /** process.platform */
  platform: string;
  /** Absolute path of the repository (the extension development path). */
  repoRoot: string;
  /** Where `code` (desktop VS Code's command) is on the PATH, if it is. */
  codeOnPath: string | undefined;
  /** A graphical session (DISPLAY or WAYLAND_DISPLAY), or a VS Code terminal that can open windows. */
  display: boolean;
  /** code-server is already installed in .vscode-test/code-server/. */
  codeServerInstalled: boolean;
  /** Running as root, or sudo works without a password. */
  privileged: boolean;
  /** apt-get is on the PATH (Debian or Ubuntu). */
  aptGet: boolean;
}

export type StartRoute =
  | { kind: 'desktop'; command: string; args: string[] }
  | { kind: 'code-server'; install: boolean }
  | { kind: 'none'; message: string };

export function chooseStartRoute(facts: StartFacts): StartRoute;
