// Which side of the pair the user is, for one plan. The identity itself (git user.email, GitHub
// handle, the mentoringPlan.me setting) is the `relate` package's; until it is wired in here, every
// view asks this one place and hears "unknown".
import type * as vscode from 'vscode';
import type { Side } from '../core/plan-facts';

export interface WhoAmI {
  whoAmI(planUri: vscode.Uri): Side | undefined;
}

/** The identity views use. Replace with the real one when it lands (one line). */
export const whoAmI: WhoAmI = { whoAmI: () => undefined };
