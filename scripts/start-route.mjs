// How `npm start` opens the extension, decided from what was found on this machine (start.mjs
// gathers the facts; this stays pure so test/unit/start-route.test.ts can cover every case).

/**
 * @param {import('./start-route.d.mts').StartFacts} facts
 * @returns {import('./start-route.d.mts').StartRoute}
 */
export function chooseStartRoute(facts) {
  // A desktop VS Code: the standard extension-author route, with the debugger a F5 away.
  if (facts.codeOnPath && (facts.platform !== 'linux' || facts.display)) {
    return {
      kind: 'desktop',
      command: facts.codeOnPath,
      args: [`--extensionDevelopmentPath=${facts.repoRoot}`, `${facts.repoRoot}/examples`],
    };
  }
  // Otherwise VS Code in the browser (code-server), which needs Debian packages on first install.
  if (facts.codeServerInstalled) return { kind: 'code-server', install: false };
  if (facts.aptGet && facts.privileged) return { kind: 'code-server', install: true };

  const noDesktop = facts.codeOnPath
    ? `\`code\` is on the PATH (${facts.codeOnPath}) but there is no display to open it on (DISPLAY and WAYLAND_DISPLAY are unset)`
    : 'no desktop VS Code: `code` is not on the PATH';
  const noBrowser = !facts.aptGet
    ? 'the browser route (code-server) is not installed and cannot be: its system packages come from apt-get, which this machine does not have'
    : 'the browser route (code-server) is not installed and cannot be: installing its system packages with apt-get needs root or passwordless sudo';
  return {
    kind: 'none',
    message: [
      `npm start cannot open the extension here: ${noDesktop}, and ${noBrowser}.`,
      'Either install VS Code and put `code` on the PATH (in VS Code: "Shell Command: Install \'code\' command in PATH"), then run npm start again,',
      'or, on Debian or Ubuntu with root or sudo, run `bash scripts/install-offline-vscode.sh` once and then npm start.',
    ].join('\n'),
  };
}
