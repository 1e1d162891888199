import { ApiError } from '@tandem/contract/client';

export type IntervalDraft = { key: number; weekday: number; opensAt: string; closesAt: string; locationId: string | null };
export type ExceptionDraft = { key: number; date: string; closed: boolean; opensAt: string; closesAt: string; reason: string };

// Rows need stable React keys that survive removing a row above them.
let nextKey = 1;
export const newKey = () => nextKey++;

/** The API's messages by path (`intervals.3`, `intervals.3.closesAt`, `exceptions.0.date`). */
export const pathErrors = (error: unknown): Record<string, string> => (error instanceof ApiError ? error.fieldErrors() : {});
export const errorAt = (errors: Record<string, string>, prefix: string) =>
  errors[prefix] ?? Object.entries(errors).find(([k]) => k.startsWith(`${prefix}.`))?.[1];
