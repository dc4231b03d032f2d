// Which walkthrough steps each progress key completes, read from the manifest (no vscode import, so
// unit tests check it against package.json).
import { WALKTHROUGH_CONTEXT_PREFIX } from './command-ids';

interface ManifestWalkthrough {
  id?: unknown;
  steps?: { id?: unknown; completionEvents?: unknown }[];
}

/** key (hasPlan, …) -> the fully qualified ids of the steps the manifest completes on `onContext:<prefix>.<key>`: the manifest is the one place that pairs them. */
export function stepsByProgressKey(extensionId: string, packageJson: unknown): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  const walkthroughs = (packageJson as { contributes?: { walkthroughs?: ManifestWalkthrough[] } } | undefined)?.contributes?.walkthroughs;
  for (const walkthrough of Array.isArray(walkthroughs) ? walkthroughs : []) {
    for (const step of Array.isArray(walkthrough.steps) ? walkthrough.steps : []) {
      for (const event of Array.isArray(step.completionEvents) ? step.completionEvents : []) {
        if (typeof event !== 'string' || !event.startsWith(`onContext:${WALKTHROUGH_CONTEXT_PREFIX}.`)) continue;
        const key = event.slice(`onContext:${WALKTHROUGH_CONTEXT_PREFIX}.`.length);
        byKey.set(key, [...(byKey.get(key) ?? []), `${extensionId}#${String(walkthrough.id)}#${String(step.id)}`]);
      }
    }
  }
  return byKey;
}
