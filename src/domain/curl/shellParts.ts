/**
 * What a shell does around a curl command that curl never sees as text, worked out before the
 * command is tokenized: text before it (comments, prompts), values the shell computes
 * (`$(…)`, backticks, `<(…)`), input it feeds in (here-docs, here-strings) and what runs after it
 * (`| jq`, `&& …`, `; …`). One argument of that kind never fails the whole import.
 */
export interface ShellParts {
  /** The curl command alone, computed values replaced by {{variables}} or their known text. */
  text: string;
  /** What a here-doc or here-string feeds to curl's standard input (read by `-d @-`). */
  stdin?: string;
  warnings: string[];
}

const PROMPT = /^(\$|%|>|#|PS [^>\n]*>|PS>)\s+(?=curl)/i;

/** Comments, blank lines and a shell prompt before `curl` are not part of the command. */
export function withoutPreamble(text: string): string {
  const lines = text.split('\n');
  let i = 0;
  while (i < lines.length - 1 && /^\s*(#|REM\b|::|\/\/|$)/i.test(lines[i]!) && !PROMPT.test(lines[i]!.trim())) i++;
  return lines.slice(i).join('\n').trim().replace(PROMPT, '');
}

/** A variable name for what a shell command prints: the file `cat` reads, else the command's name. */
function nameFor(command: string): string {
  const words = command.trim().split(/\s+/);
  const file = words[0] === 'cat' && words[1] ? words[1].replace(/^.*[/\\]/, '').replace(/\.[^.]*$/, '') : '';
  const raw = (file || words.find((w) => /^[A-Za-z]/.test(w)) || 'shell_value').replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  return /^[A-Za-z]/.test(raw) ? raw : `value_${raw || '1'}`;
}

/** The single word `echo` / `printf` would print, when that is all the command does. */
function printedText(command: string): string | null {
  const m = /^\s*(?:echo(?:\s+-n)?|printf(?:\s+'%s')?)\s+(?:'([^']*)'|"((?:[^"\\$`]|\\.)*)")\s*$/.exec(command);
  if (!m) return null;
  return m[1] ?? m[2]!.replace(/\\(.)/g, '$1');
}

/** Index of the `)` closing the group opened just before `from`, skipping quotes and nested groups. */
function closingParen(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') i++;
    else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return -1;
      i = end;
    } else if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

const quoteShell = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Splits off what the shell does around the first command. `powershell`: backticks escape there,
 * they do not run commands.
 */
export function shellParts(input: string, powershell = false): ShellParts {
  const warnings: string[] = [];
  let stdin: string | undefined;
  let out = '';
  let text = input;
  let inDouble = false;
  let i = 0;
  const computed = (whole: string, inner: string) => {
    const name = nameFor(inner);
    warnings.push(`“${whole}” is worked out by the shell when the command runs; it became the variable {{${name}}}.`);
    return `{{${name}}}`;
  };
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && !powershell) {
      out += c + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (!inDouble && c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) {
        out += text.slice(i);
        i = text.length;
        break;
      }
      out += text.slice(i, end + 1);
      i = end;
      continue;
    }
    if (c === '"') {
      inDouble = !inDouble;
      out += c;
      continue;
    }
    // $( … ) and ` … `: the shell runs them and puts their output here.
    if (c === '$' && text[i + 1] === '(' && text[i + 2] !== '(') {
      const end = closingParen(text, i + 2);
      if (end > 0) {
        out += computed(text.slice(i, end + 1), text.slice(i + 2, end));
        i = end;
        continue;
      }
    }
    if (c === '`' && !powershell) {
      const end = text.indexOf('`', i + 1);
      if (end > 0) {
        out += computed(text.slice(i, end + 1), text.slice(i + 1, end));
        i = end;
        continue;
      }
    }
    if (inDouble) {
      out += c;
      continue;
    }
    // <( … ): the shell passes a file holding the output. Known text (echo '…') is used as such.
    if ((c === '<' || c === '>') && text[i + 1] === '(') {
      const end = closingParen(text, i + 2);
      if (end > 0) {
        const inner = text.slice(i + 2, end);
        const printed = printedText(inner);
        const at = out.endsWith('@');
        if (printed !== null && at) {
          out = out.slice(0, -1) + quoteShell(printed);
          warnings.push(`“${text.slice(i, end + 1)}” gives curl a file holding “${printed.slice(0, 40)}”; that text was imported.`);
        } else {
          out += computed(text.slice(i, end + 1), inner);
        }
        i = end;
        continue;
      }
    }
    // <<< word: a here-string on standard input.
    if (text.startsWith('<<<', i)) {
      const m = /^<<<\s*('([^']*)'|"((?:[^"\\]|\\.)*)"|(\S+))/.exec(text.slice(i));
      if (m) {
        stdin = `${m[2] ?? m[3]?.replace(/\\(.)/g, '$1') ?? m[4]}\n`;
        i += m[0].length - 1;
        continue;
      }
    }
    // << EOF … EOF: a here-doc on standard input, its lines after this one.
    if (text.startsWith('<<', i)) {
      const m = /^<<(-?)\s*(['"]?)([A-Za-z_][A-Za-z0-9_]*)\2/.exec(text.slice(i));
      if (m) {
        const lineEnd = text.indexOf('\n', i);
        if (lineEnd > 0) {
          const lines = text.slice(lineEnd + 1).split('\n');
          const close = lines.findIndex((l) => (m[1] ? l.replace(/^\t+/, '') : l).trim() === m[3]);
          const body = close < 0 ? lines : lines.slice(0, close);
          stdin = body.map((l) => (m[1] ? l.replace(/^\t+/, '') : l)).join('\n') + '\n';
          const rest = close < 0 ? '' : lines.slice(close + 1).join('\n');
          text = text.slice(0, i) + text.slice(i + m[0].length, lineEnd) + (rest ? `\n${rest}` : '');
          i -= 1;
          continue;
        }
      }
    }
    // | jq …, && next, ; next, & (background): curl's part ends here.
    if (c === '|' || c === ';' || (c === '&' && text[i + 1] !== '>' && text[i - 1] !== '>')) {
      const rest = text.slice(i).trim();
      if (rest) warnings.push(`Only the curl command was imported; what follows it (“${rest.length > 60 ? `${rest.slice(0, 57)}…` : rest}”) was left out.`);
      break;
    }
    out += c;
  }
  return { text: out.trim(), stdin, warnings };
}
