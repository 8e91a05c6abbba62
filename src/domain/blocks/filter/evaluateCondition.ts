import type { FilterOperator } from './filterBlock';

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  return typeof v === 'object' && Object.keys(v).length === 0;
}

function asNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string' && v.trim() && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function text(v: unknown): string {
  return v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
}

/** Two values are equal as numbers when both read as numbers, else as text (case-insensitive). */
function equal(seen: unknown, expected: string): boolean {
  const a = asNumber(seen),
    b = asNumber(expected);
  if (a !== null && b !== null) return a === b;
  if (typeof seen === 'boolean') return String(seen) === expected.trim().toLowerCase();
  return text(seen).trim().toLowerCase() === expected.trim().toLowerCase();
}

/**
 * One Filter condition on the value a variable has now (`seen`) and the resolved comparison text.
 * Callers' and APIs' values are loosely typed ("42" vs 42, "Yes" vs true), so comparisons are
 * forgiving where a person would be, and strict where it matters (a missing value is empty, never 0).
 */
export function evaluateCondition(operator: FilterOperator, seen: unknown, expected: string): boolean {
  switch (operator) {
    case 'equals':
      return seen !== undefined && equal(seen, expected);
    case 'does not equal':
      return seen === undefined || !equal(seen, expected);
    case 'contains':
      return Array.isArray(seen) ? seen.some((item) => equal(item, expected)) : text(seen).toLowerCase().includes(expected.toLowerCase());
    case 'does not contain':
      return !evaluateCondition('contains', seen, expected);
    case 'is greater than':
    case 'is less than': {
      const a = asNumber(seen),
        b = asNumber(expected);
      if (a === null || b === null) return false;
      return operator === 'is greater than' ? a > b : a < b;
    }
    case 'is true':
      return seen === true || (typeof seen === 'string' && ['true', 'yes'].includes(seen.trim().toLowerCase()));
    case 'is false':
      return seen === false || (typeof seen === 'string' && ['false', 'no'].includes(seen.trim().toLowerCase()));
    case 'is empty':
      return isEmpty(seen);
    case 'is not empty':
      return !isEmpty(seen);
  }
}
