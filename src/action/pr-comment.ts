// The one pull request comment the action keeps up to date: found again by a hidden marker, so each
// push edits it instead of adding another. GitHub's REST API through Node's global fetch (no
// client library in the bundle); the base URL comes from GITHUB_API_URL, so GitHub Enterprise and
// the tests' fake server on loopback work alike.

/** First line of the comment, invisible when rendered. */
export const COMMENT_MARKER = '<!-- mentoring-plan -->';

export interface CommentTarget {
  /** GITHUB_API_URL, e.g. https://api.github.com */
  apiUrl: string;
  /** owner/name (GITHUB_REPOSITORY) */
  repository: string;
  /** The pull request's number (its issue number). */
  issue: number;
  token: string;
}

export interface CommentResult {
  action: 'created' | 'updated';
  /** The comment's page, as the API reports it. */
  url: string;
}

/** Thrown for an API answer other than success: the status and GitHub's own message. */
export class GitHubApiError extends Error {}

const PAGE_SIZE = 100;

/**
 * Edits the marked comment, or adds it. With `createWhen: false` an existing comment is still
 * updated but none is added (undefined then): a pull request that never touched a plan gets no comment.
 */
export async function upsertComment(target: CommentTarget, body: string, { createWhen = true } = {}): Promise<CommentResult | undefined> {
  const repo = `${target.apiUrl.replace(/\/+$/, '')}/repos/${target.repository}`;
  const existing = await findMarkedComment(target, repo);
  if (existing !== undefined) {
    const updated = await request<{ html_url?: string }>(target, 'PATCH', `${repo}/issues/comments/${existing}`, { body });
    return { action: 'updated', url: updated.html_url ?? '' };
  }
  if (!createWhen) return undefined;
  const created = await request<{ html_url?: string }>(target, 'POST', `${repo}/issues/${target.issue}/comments`, { body });
  return { action: 'created', url: created.html_url ?? '' };
}

/** The id of the first comment that carries the marker, reading page after page. */
async function findMarkedComment(target: CommentTarget, repo: string): Promise<number | undefined> {
  for (let page = 1; ; page++) {
    const comments = await request<{ id: number; body?: string }[]>(target, 'GET', `${repo}/issues/${target.issue}/comments?per_page=${PAGE_SIZE}&page=${page}`);
    if (!Array.isArray(comments)) throw new GitHubApiError('the list of comments is not a list');
    const marked = comments.find((comment) => typeof comment.body === 'string' && comment.body.includes(COMMENT_MARKER));
    if (marked) return marked.id;
    if (comments.length < PAGE_SIZE) return undefined;
  }
}

async function request<T>(target: CommentTarget, method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${target.token}`,
      'user-agent': 'mentoring-plan-action',
      'x-github-api-version': '2022-11-28',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) {
    let message = text.slice(0, 200);
    try {
      message = (JSON.parse(text) as { message?: string }).message ?? message;
    } catch {
      // not JSON: keep the start of the text
    }
    throw new GitHubApiError(`${method} ${new URL(url).pathname} answered ${response.status}: ${message}`);
  }
  return (text ? JSON.parse(text) : {}) as T;
}
