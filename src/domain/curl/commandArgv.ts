import { shellParts, withoutPreamble } from './shellParts';
import { windowsArgv } from './windowsArgv';

/** `stdin`: what a here-doc or here-string feeds to curl (read by `-d @-`). */
export type ArgvResult = { ok: true; argv: string[]; warnings: string[]; stdin?: string } | { ok: false; error: string };

const NOT_CURL: [RegExp, string][] = [
  [/^wget\b/i, 'This is a wget command. Switchboard imports cURL: most API docs have a “cURL” tab, and browsers offer “Copy as cURL”.'],
  [
    /^(https?|xh|xhs)\s+(-\S+\s+)*(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS|:?\d*\/|\S+\.\S+)/,
    'This looks like an HTTPie command. Paste the cURL version instead (API docs usually have a “cURL” tab).',
  ],
  [/^(await\s+)?fetch\s*\(/, 'This is JavaScript fetch() code, not a cURL command. In the browser’s Network tab use Copy → “Copy as cURL (bash)”.'],
  [
    /^(Invoke-WebRequest|Invoke-RestMethod|iwr|irm)\b/i,
    'This is a PowerShell Invoke-WebRequest command. In the browser’s Network tab use Copy → “Copy as cURL (bash)” or “(cmd)” instead.',
  ],
  [
    /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+\S+\s+HTTP\/[\d.]+/i,
    'This is a raw HTTP request, not a cURL command. Copy the request as cURL (browsers: Network tab → Copy → “Copy as cURL”).',
  ],
  [
    /^(import|const|let|var|from|require|requests\.|axios|http\.|\$ch\s*=|using|HttpClient)\b/,
    'This is program code, not a cURL command. Look for the “cURL” version of the example.',
  ],
];

/** Bash lines that lost their backslashes, or have spaces after one, still continue the command. */
function lenientBash(text: string): string {
  const lines = text.replace(/\\[ \t]+(\r?\n)/g, '\\$1').split(/\r?\n/);
  let out = lines[0] ?? '';
  for (const line of lines.slice(1)) {
    const quotesOpen = (out.match(/'/g)?.length ?? 0) % 2 === 1 || (out.replace(/\\"/g, '').match(/"/g)?.length ?? 0) % 2 === 1;
    if (!quotesOpen && /^\s*-/.test(line) && !/\\\s*$/.test(out)) out += ` ${line.trim()}`;
    else if (!quotesOpen && !line.trim()) continue;
    else out += `\n${line}`;
  }
  return out;
}

function isWindowsCmd(text: string): boolean {
  return /\^\r?\n/.test(text) || /\^"/.test(text) || (/^curl(\.exe)?\s+"[^"]*"\s*\^?\s*$/m.test(text) && !/\\\r?\n/.test(text));
}

function isPowerShell(text: string): boolean {
  return /^curl\.exe\b/i.test(text) || /`\r?\n/.test(text) || /\$env:/i.test(text);
}

/** Shell words with variables as {{NAME}} tokens. */
type Word = { tokens: (string | { type: string; value: string; text: string })[] };

function wordText(word: Word, warnings: Set<string>): string {
  return word.tokens
    .map((t) => {
      if (typeof t === 'string') return t;
      if (t.type === 'variable') return `{{${t.value}}}`;
      warnings.add(`“${t.text}” runs a command, which a flow cannot do; it was kept as text. Replace it with a variable.`);
      return t.text;
    })
    .join('');
}

/**
 * The arguments of a pasted command, whatever shell it was written for: bash (API docs, Postman,
 * Swagger, “Copy as cURL (bash)”), Windows cmd (“Copy as cURL (cmd)”) or PowerShell with curl.exe.
 * Bash is read with curlconverter's tree-sitter tokenizer, loaded on first use.
 */
export async function commandArgv(command: string): Promise<ArgvResult> {
  let text = withoutPreamble(
    command
      .replace(/^\uFEFF/, '')
      .replace(/\r\n/g, '\n')
      .trim(),
  );
  if (!text) return { ok: false, error: 'Paste a cURL command first: it starts with “curl”.' };
  for (const [pattern, error] of NOT_CURL) if (pattern.test(text)) return { ok: false, error };
  if (!/^curl(\.exe)?(\s|$)/i.test(text)) {
    return {
      ok: false,
      error: `A cURL command starts with “curl”; this starts with “${text.split(/\s/)[0]!.slice(0, 30)}”. Copy the whole command from your API docs or the browser.`,
    };
  }
  const warnings = new Set<string>();

  if (isWindowsCmd(text) && !isPowerShell(text)) {
    try {
      const argv = windowsArgv(text);
      argv[0] = 'curl';
      return { ok: true, argv, warnings: [...warnings] };
    } catch {
      return { ok: false, error: 'A quote is not closed. The command may have been cut off when it was copied: copy it again in full.' };
    }
  }
  const powershell = isPowerShell(text);
  if (powershell) {
    text = text
      .replace(/`\r?\n/g, ' ')
      .replace(/^curl\.exe/i, 'curl')
      .replace(/\$env:([A-Za-z_][A-Za-z0-9_]*)/gi, '${$1}');
  }
  const parts = shellParts(text, powershell);
  for (const w of parts.warnings) warnings.add(w);
  text = lenientBash(parts.text);

  // The tokenizer is big (tree-sitter): load it only when someone imports.
  const { tokenize } = await import('curlconverter/dist/src/shell/tokenizer.js');
  let commands: [Word[], Word?, Word?][];
  try {
    commands = tokenize(text, []) as unknown as [Word[], Word?, Word?][];
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/parsing error|unterminated|missing/i.test(message)) {
      return {
        ok: false,
        error: 'A quote is not closed, or a character confuses the shell syntax. The command may have been cut off when it was copied: copy it again in full.',
      };
    }
    return { ok: false, error: `This command could not be read: ${message.split('\n')[0]}` };
  }
  const first = commands[0];
  if (!first) return { ok: false, error: 'Paste a cURL command first: it starts with “curl”.' };
  if (commands.length > 1) warnings.add('Only the first of several commands was imported.');
  if ((first[1] || first[2]) && parts.stdin === undefined) warnings.add('Input piped into curl (stdin) cannot be imported; add the body by hand.');
  let argv = first[0].map((w) => wordText(w, warnings));
  // Windows PowerShell 5.1 hands curl.exe a \" inside an argument as a plain " (its native
  // command line quoting): `-d '{\"a\": 1}'` reaches curl as {"a": 1}.
  if (powershell) argv = argv.map((a) => a.replace(/\\"/g, '"'));
  if (parts.stdin !== undefined && !argv.some((a) => /@-$/.test(a)))
    warnings.add('The here-doc or here-string feeds curl’s input, but the command does not read it (as -d @- would); it was left out.');
  return { ok: true, argv, warnings: [...warnings], stdin: parts.stdin };
}
