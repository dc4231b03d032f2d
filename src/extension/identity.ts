// "Which side of the pair am I?" for a plan: the git e-mail (through the built-in Git extension's
// API, never by running git: this path also runs in the browser) or the GitHub handle of a session
// the user already signed in with (silently: never a sign-in prompt) matched against the plan;
// else the setting mentoringPlan.me; else asked once per plan and remembered for the workspace.
import * as vscode from 'vscode';
import type { Me } from '../core/identity';
import { pairContacts, resolveSide } from '../core/identity';
import type { PairContacts } from '../core/identity';
import { isSide } from '../core/plan-facts';
import type { Side } from '../core/plan-facts';
import type { Plan } from '../core/plan';
import { CONFIG_SECTION } from './command-ids';
import { escapeIcons } from './plain-text';

/** Key of the answer remembered for one plan in workspaceState. */
const rememberedKey = (uri: vscode.Uri) => `mentoringPlan.me:${uri.toString()}`;

/** Nothing the user sees waits long on another extension or an auth provider. */
const LOOKUP_TIMEOUT_MS = 1500;

interface GitRepository {
  readonly rootUri: vscode.Uri;
  getConfig(key: string): Promise<string>;
  getGlobalConfig(key: string): Promise<string>;
}
interface GitApi {
  getRepository(uri: vscode.Uri): GitRepository | null;
  repositories: GitRepository[];
}

export class Identity implements vscode.Disposable {
  private github: Promise<string | undefined> | undefined;
  /** The e-mail per repository root: plans in different repositories may have different local configs. */
  private readonly emails = new Map<string, Promise<string | undefined>>();
  /** The git e-mail and GitHub handle per plan once looked up ({} meanwhile); views read it without waiting. */
  private readonly known = new Map<string, Me>();
  private announceTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly learned = new vscode.EventEmitter<void>();
  /** Fires when views may see a different side: a look-up ended, or mentoringPlan.me changed. */
  readonly onDidLearn = this.learned.event;
  private readonly settingWatch: vscode.Disposable;

  constructor(
    private readonly state: vscode.Memento,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.settingWatch = vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${CONFIG_SECTION}.me`)) this.learned.fire();
    });
  }

  /**
   * The user's side of a plan as far as is known now, never asking and never waiting: for views.
   * The first call starts the look-up of the git e-mail and GitHub handle; onDidLearn fires when it ends.
   */
  knownSide(uri: vscode.Uri, contacts: PairContacts): Side | undefined {
    const key = uri.toString();
    let me = this.known.get(key);
    if (!me) {
      me = {};
      this.known.set(key, me);
      void this.whoAmI(uri).then((found) => {
        this.known.set(key, found);
        if (found.email || found.github) this.announce();
      });
    }
    const setting = vscode.workspace.getConfiguration(CONFIG_SECTION, uri).get<unknown>('me');
    return resolveSide(contacts, me, setting, vscode.workspace.asRelativePath(uri, false), this.state.get(rememberedKey(uri)))?.side;
  }

  /** One event for the look-ups of many plans ending together (a workspace of a thousand plans). */
  private announce(): void {
    this.announceTimer ??= setTimeout(() => {
      this.announceTimer = undefined;
      this.learned.fire();
    }, 100);
  }

  dispose(): void {
    if (this.announceTimer) clearTimeout(this.announceTimer);
    this.settingWatch.dispose();
    this.learned.dispose();
  }

  /**
   * The user's side of the plan at `uri`; asks (once per plan) when nothing else tells, unless
   * `ask` is false. Undefined when the user dismissed the question.
   */
  async sideFor(uri: vscode.Uri, plan: Partial<Plan> | undefined, ask = true): Promise<Side | undefined> {
    const setting = vscode.workspace.getConfiguration(CONFIG_SECTION, uri).get<unknown>('me');
    const found = resolveSide(pairContacts(plan), await this.whoAmI(uri), setting, vscode.workspace.asRelativePath(uri, false), this.state.get(rememberedKey(uri)));
    if (found) return found.side;
    if (!ask) return undefined;
    const mentorship = plan?.mentorship;
    const name = (side: Side) => (typeof mentorship?.[side]?.name === 'string' ? escapeIcons(mentorship[side].name) : undefined);
    const chosen = await vscode.window.showQuickPick(
      [
        { label: vscode.l10n.t('I am the mentor'), description: name('mentor'), side: 'mentor' as const },
        { label: vscode.l10n.t('I am the protégé'), description: name('protege'), side: 'protege' as const },
      ],
      { placeHolder: vscode.l10n.t('Which side of this mentoring plan are you? (asked once for this plan; the setting mentoringPlan.me can say it too)') },
    );
    if (!chosen) return undefined;
    await this.remember(uri, chosen.side);
    return chosen.side;
  }

  async remember(uri: vscode.Uri, side: Side | undefined): Promise<void> {
    await this.state.update(rememberedKey(uri), isSide(side) ? side : undefined);
    // An answer given to a command is known to views from now on.
    this.learned.fire();
  }

  /**
   * The git e-mail (once per repository) and GitHub handle (once per window); each may be missing.
   * A plan outside any repository Git has open is looked up again next time: Git may not have
   * found the repository yet, or Git may have been turned on since.
   */
  private async whoAmI(uri: vscode.Uri): Promise<Me> {
    this.github ??= withTimeout(this.githubHandle());
    const [email, github] = await Promise.all([withTimeout(this.gitEmail(uri)), this.github]);
    return { email, github };
  }

  private async gitEmail(uri: vscode.Uri): Promise<string | undefined> {
    try {
      const extension = vscode.extensions.getExtension<{ getAPI(version: 1): GitApi }>('vscode.git');
      if (!extension) return undefined;
      const api = (extension.isActive ? extension.exports : await extension.activate()).getAPI(1);
      const repository = api.getRepository(uri) ?? api.repositories[0];
      if (!repository) return undefined;
      const key = repository.rootUri.toString();
      const known = this.emails.get(key);
      if (known) return await known;
      const lookup = (async () => {
        const email = (await repository.getConfig('user.email').catch(() => '')) || (await repository.getGlobalConfig('user.email').catch(() => ''));
        return email.trim() || undefined;
      })();
      this.emails.set(key, lookup);
      return await lookup;
    } catch (error) {
      this.log.info('No git e-mail from the Git extension', error);
      return undefined;
    }
  }

  private async githubHandle(): Promise<string | undefined> {
    try {
      const session = await vscode.authentication.getSession('github', [], { silent: true });
      return session?.account.label;
    } catch (error) {
      this.log.info('No GitHub session to read the handle from', error);
      return undefined;
    }
  }
}

function withTimeout<T>(promise: Promise<T | undefined>): Promise<T | undefined> {
  return Promise.race([promise, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), LOOKUP_TIMEOUT_MS))]);
}
