import type { CollectType } from './collectedType';

export type Parsed = { ok: true; value: string | number } | { ok: false; reason: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
};

/** A number as callers say it: "1,250.50", "$40", "15%", "three". */
function number(text: string): number | null {
  const word = WORDS[text.trim().toLowerCase()];
  if (word !== undefined) return word;
  const cleaned = text.replace(/[\s,$€£%]/g, '').replace(/^(usd|eur|gbp)/i, '');
  if (!/^-?\d+(\.\d+)?$/.test(cleaned)) return null;
  return Number(cleaned);
}

/**
 * A caller's answer read as a Collect field's type (PRODUCT.md §3 collection types), or why it
 * does not fit. Numbers are stored as numbers; dates as YYYY-MM-DD; phones as +digits.
 */
export function parseCollected(type: CollectType, raw: string): Parsed {
  const text = raw.trim();
  if (!text) return { ok: false, reason: 'Nothing was said' };
  switch (type) {
    case 'Number':
    case 'Currency':
    case 'Percentage': {
      const n = number(text);
      return n === null ? { ok: false, reason: 'That is not a number' } : { ok: true, value: n };
    }
    case 'Age': {
      const n = number(text);
      return n === null || n < 0 || n > 130 || !Number.isInteger(n) ? { ok: false, reason: 'That is not an age' } : { ok: true, value: n };
    }
    case 'Email': {
      const email = text
        .replace(/\s+at\s+/i, '@')
        .replace(/\s+dot\s+/gi, '.')
        .replace(/\s/g, '');
      return EMAIL.test(email) ? { ok: true, value: email.toLowerCase() } : { ok: false, reason: 'That is not an email address' };
    }
    case 'Phone': {
      const digits = text.replace(/[^\d+]/g, '');
      const plain = digits.replace(/^\+/, '');
      return plain.length >= 7 && plain.length <= 15 && !/\+/.test(plain)
        ? { ok: true, value: digits.startsWith('+') ? digits : plain }
        : { ok: false, reason: 'That is not a phone number' };
    }
    case 'Date': {
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const t = iso ? Date.UTC(+iso[1]!, +iso[2]! - 1, +iso[3]!) : Date.parse(`${text} UTC`);
      if (!Number.isFinite(t)) return { ok: false, reason: 'That is not a date' };
      return { ok: true, value: new Date(t).toISOString().slice(0, 10) };
    }
    case 'Time': {
      const m = /^(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(text.replace(/\./g, ''));
      if (!m) return { ok: false, reason: 'That is not a time' };
      let h = Number(m[1]);
      const min = Number(m[2] ?? 0);
      if (m[3]) h = (h % 12) + (m[3].toLowerCase() === 'pm' ? 12 : 0);
      return h > 23 || min > 59
        ? { ok: false, reason: 'That is not a time' }
        : { ok: true, value: `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` };
    }
    case 'URL': {
      try {
        const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
        return url.hostname.includes('.') ? { ok: true, value: url.href } : { ok: false, reason: 'That is not a web address' };
      } catch {
        return { ok: false, reason: 'That is not a web address' };
      }
    }
    case 'Zipcode':
      return /^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$/.test(text) ? { ok: true, value: text.toUpperCase() } : { ok: false, reason: 'That is not a postal code' };
    default:
      return { ok: true, value: text };
  }
}
