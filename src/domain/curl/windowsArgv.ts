/**
 * A Windows cmd.exe command line (Chrome/Edge “Copy as cURL (cmd)”) as the argv curl.exe gets.
 * Two layers: cmd removes `^` escapes and `^`+newline continuations and expands %VARS% (turned
 * into {{VARS}} here); then the C runtime splits arguments on spaces outside "quotes", where
 * backslashes only escape quotes (the documented CommandLineToArgvW rules).
 */
export function windowsArgv(command: string): string[] {
  const text = command.replace(/\^\r?\n/g, '');
  // cmd layer. `literal` marks characters that came from ^-escapes: they never toggle quoting there.
  let cmd = '';
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (!inQuote && c === '^' && i + 1 < text.length) {
      cmd += text[++i];
      continue;
    }
    if (c === '"') inQuote = !inQuote;
    if (c === '%') {
      const m = /^%([A-Za-z_][A-Za-z0-9_]*)%/.exec(text.slice(i));
      if (m) {
        cmd += `{{${m[1]}}}`;
        i += m[0].length - 1;
        continue;
      }
    }
    cmd += c;
  }
  // C runtime layer.
  const args: string[] = [];
  let current = '';
  let started = false;
  inQuote = false;
  for (let i = 0; i < cmd.length; i++) {
    const c = cmd[i]!;
    if (c === '\\') {
      let n = 0;
      while (cmd[i + n] === '\\') n++;
      if (cmd[i + n] === '"') {
        current += '\\'.repeat(Math.floor(n / 2));
        if (n % 2) current += '"';
        else inQuote = !inQuote;
        i += n;
      } else {
        current += '\\'.repeat(n);
        i += n - 1;
      }
      started = true;
    } else if (c === '"') {
      if (inQuote && cmd[i + 1] === '"') {
        current += '"';
        i++;
      } else inQuote = !inQuote;
      started = true;
    } else if (!inQuote && /\s/.test(c)) {
      if (started) args.push(current);
      current = '';
      started = false;
    } else {
      current += c;
      started = true;
    }
  }
  if (inQuote) throw new SyntaxError('unterminated quote');
  if (started) args.push(current);
  return args;
}
