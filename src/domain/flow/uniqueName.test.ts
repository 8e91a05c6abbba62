import { describe, expect, it } from 'vitest';
import { uniqueName } from './uniqueName';

describe('uniqueName', () => {
  it('keeps a free name', () => expect(uniqueName('API Request', ['Talk'])).toBe('API Request'));
  it('numbers a taken name', () => expect(uniqueName('API Request', ['API Request'])).toBe('API Request 2'));
  it('skips taken numbers and ignores case and spaces', () => expect(uniqueName('Talk', ['talk', 'TALK  2', 'Talk 3'])).toBe('Talk 4'));
  it('renumbers a copy of a numbered name from its stem', () => expect(uniqueName('Talk 2', ['Talk', 'Talk 2'])).toBe('Talk 3'));
  it('names an empty base', () => expect(uniqueName('  ', [])).toBe('Block 2'));
});
