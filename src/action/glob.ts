// The `files` input of the GitHub Action: globs as VS Code's mentoringPlan.planGlob and GitHub
// write them (`**`, `*`, `?`, `{a,b}`, `[abc]`), matched against '/'-separated paths relative to
// the repository root. Node 20 (the runner's) has no glob matcher of its own.

/** One glob as a RegExp; throws an Error naming the glob when it cannot be read. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  let open = 0;
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      // `**/` is zero or more folders; `**` elsewhere is anything.
      if (glob[i + 2] === '/') {
        source += '(?:[^/]*/)*';
        i += 2;
      } else {
        source += '.*';
        i += 1;
      }
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      source += '(?:';
      open++;
    } else if (char === '}' && open > 0) {
      source += ')';
      open--;
    } else if (char === ',' && open > 0) source += '|';
    else if (char === '[' && glob.indexOf(']', i + 2) !== -1) {
      const end = glob.indexOf(']', i + 2);
      const members = glob.slice(i + 1, end);
      source += `[${members.startsWith('!') ? `^${escapeClass(members.slice(1))}` : escapeClass(members)}]`;
      i = end;
    } else source += char.replace(/[.+^$()|\\[\]{}]/g, '\\$&');
  }
  if (open > 0) throw new Error(`the glob "${glob}" has a "{" without its "}"`);
  return new RegExp(`^${source}$`);
}

function escapeClass(members: string): string {
  return members.replace(/[\\\]^]/g, '\\$&');
}

/** Globs one per line (blank lines and surrounding spaces ignored); a path matches when any does. */
export function pathMatcher(globs: string): (path: string) => boolean {
  const patterns = globs
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((glob) => globToRegExp(glob.replace(/^\.\//, '')));
  return (path) => patterns.some((pattern) => pattern.test(path.split('\\').join('/')));
}
