// Which side of the pair the user is, for one plan, as views need it: at once and without asking.
// The answer is the identity's (identity.ts: git e-mail, GitHub handle, mentoringPlan.me, an answer remembered).
import type * as vscode from 'vscode';
import type { Side } from '../core/plan-facts';
import type { Identity } from './identity';
import type { PlanStore } from './plan-store';

export interface WhoAmI {
  whoAmI(planUri: vscode.Uri): Side | undefined;
}

export function whoAmIFrom(identity: Identity, store: PlanStore): WhoAmI {
  return { whoAmI: (uri) => identity.knownSide(uri, store.get(uri)?.result.plan) };
}
