/**
 * Literal text typed into a URL, query or form field is sent as written, except characters that
 * cannot appear there: `%41` stays `%41` (it was already encoded), a space becomes `%20`.
 * `extra` lists separators that would change the structure (`&` inside a query value).
 */
const PLAIN = /^[A-Za-z0-9\-._~!$'()*+,;=:@/?]*$/;

export function encodeLiteral(text: string, extra = ''): string {
  // Most text needs nothing: return it as is without walking it character by character.
  if (PLAIN.test(text) && ![...extra].some((c) => text.includes(c))) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) out += c;
    else if (/[A-Za-z0-9\-._~!$'()*+,;=:@/?]/.test(c) && !extra.includes(c)) out += c;
    else {
      // A surrogate pair is one character to encodeURIComponent.
      const cp = text.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      out += encodeURIComponent(ch);
      i += ch.length - 1;
    }
  }
  return out;
}

/** The scheme, user info and an IPv6 literal host (`http://[::1]:8080`): brackets are the host's syntax, not text. */
const IPV6_AUTHORITY = /^([a-z][a-z0-9+.-]*:\/\/(?:[^@/?#[\]]*@)?)(\[[0-9a-f:.]+(?:%25[\w.~-]+)?\])/i;

/** encodeLiteral for the start of a URL: an IPv6 literal host keeps its brackets. */
export function encodeUrlLiteral(text: string): string {
  const m = IPV6_AUTHORITY.exec(text);
  return m ? `${encodeLiteral(m[1]!)}${m[2]}${encodeLiteral(text.slice(m[0].length))}` : encodeLiteral(text);
}
