// Defensive readers: rules run on plans that may break the schema, so every field is checked before use.
import type { Plan } from '../plan';

export function entries<T>(value: T[] | undefined | unknown): { item: Partial<T>; index: number }[] {
  if (!Array.isArray(value)) return [];
  const found: { item: Partial<T>; index: number }[] = [];
  value.forEach((item, index) => {
    if (item !== null && typeof item === 'object' && !Array.isArray(item)) found.push({ item: item as Partial<T>, index });
  });
  return found;
}

export function textOf(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function mentorshipStatus(plan: Partial<Plan>): string {
  const status = plan.mentorship && typeof plan.mentorship === 'object' ? plan.mentorship.status : undefined;
  return typeof status === 'string' ? status : 'active';
}
