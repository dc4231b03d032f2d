export type { Plan } from './plan';
