import { Editor, type OnMount } from '@monaco-editor/react';
import { useEffect, useRef } from 'react';
import { monaco } from './monacoSetup';
import { jsonTemplateErrors } from '../../domain/request/jsonTemplateErrors';
import { findVariable, isAvailable, type VariableGroup } from '../../domain/variables/availableVariables';
import { tokenPattern } from '../../domain/variables/variableTokens';
import { useVariableFields } from '../chip-field/VariableFieldsContext';

interface Props {
  label: string;
  value: string;
  onChange(value: string): void;
  groups: VariableGroup[];
}

type Model = monaco.editor.ITextModel;

// Providers are registered once for the language and look up the groups of the model they serve.
const groupsByModel = new Map<string, VariableGroup[]>();
let providersRegistered = false;

function registerProviders() {
  if (providersRegistered) return;
  providersRegistered = true;
  monaco.languages.registerCompletionItemProvider('json', {
    triggerCharacters: ['@', '{'],
    provideCompletionItems(model: Model, position: monaco.Position) {
      const groups = groupsByModel.get(model.uri.toString());
      if (!groups) return { suggestions: [] };
      const before = model.getLineContent(position.lineNumber).slice(0, position.column - 1);
      const m = /(@|\{\{)([\w.$-]*)$/.exec(before);
      if (!m) return { suggestions: [] };
      const range = new monaco.Range(position.lineNumber, position.column - m[0].length, position.lineNumber, position.column);
      // Closing braces the editor auto-inserted after `{{` are replaced too.
      const after = model.getLineContent(position.lineNumber).slice(position.column - 1);
      const closing = /^\}{1,2}/.exec(after)?.[0].length ?? 0;
      const replace = closing ? new monaco.Range(position.lineNumber, range.startColumn, position.lineNumber, position.column + closing) : range;
      return {
        suggestions: groups.flatMap((g) =>
          g.variables.map((v) => ({
            label: { label: v.name, description: g.title, detail: v.type && v.type !== 'string' ? ` ${v.type}` : undefined },
            kind: monaco.languages.CompletionItemKind.Variable,
            insertText: `{{${v.name}}}`,
            filterText: `${m[1]}${v.name}`,
            documentation: v.description,
            range: replace,
          })),
        ),
      };
    },
  });
  monaco.languages.registerHoverProvider('json', {
    provideHover(model: Model, position: monaco.Position) {
      const groups = groupsByModel.get(model.uri.toString());
      if (!groups) return null;
      const line = model.getLineContent(position.lineNumber);
      for (const m of line.matchAll(tokenPattern())) {
        const start = m.index + 1,
          end = start + m[0].length;
        if (position.column < start || position.column > end) continue;
        const name = m[1]!;
        const v = findVariable(name, groups);
        // An unavailable variable already has its marker, whose hover says so: one sentence, not two.
        if (!v || !isAvailable(name, groups)) return null;
        const text = `**${name}**${v.type ? ` · ${v.type}` : ''}${v.description ? `\n\n${v.description}` : ''}${v.value !== undefined && !v.secret ? `\n\nValue: \`${JSON.stringify(v.value).slice(0, 200)}\`` : v.secret ? '\n\nSecret value hidden' : '\n\nNo test value yet'}`;
        return { range: new monaco.Range(position.lineNumber, start, position.lineNumber, end), contents: [{ value: text }] };
      }
      return null;
    },
  });
}

function setMarkers(model: Model, groups: VariableGroup[]) {
  const text = model.getValue();
  const markers: monaco.editor.IMarkerData[] = jsonTemplateErrors(text).map((e) => {
    const start = model.getPositionAt(e.offset);
    const end = model.getPositionAt(e.offset + Math.max(e.length, 1));
    return {
      severity: monaco.MarkerSeverity.Error,
      message: e.message,
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    };
  });
  for (const m of text.matchAll(tokenPattern())) {
    if (isAvailable(m[1]!, groups)) continue;
    const start = model.getPositionAt(m.index),
      end = model.getPositionAt(m.index + m[0].length);
    markers.push({
      severity: monaco.MarkerSeverity.Error,
      message: `Invalid variable “${m[1]}”: it is not available in this block`,
      startLineNumber: start.lineNumber,
      startColumn: start.column,
      endLineNumber: end.lineNumber,
      endColumn: end.column,
    });
  }
  monaco.editor.setModelMarkers(model, 'switchboard', markers);
}

/** The JSON body in Monaco: our validation (tokens allowed), `@`/`{{` completion, hover on tokens. */
export default function JsonCodeEditor({ label, value, onChange, groups }: Props) {
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  const groupsRef = useRef(groups);
  // The Available Variables panel shows while Monaco has focus, as it does for chip fields.
  const fields = useVariableFields();
  const fieldsRef = useRef(fields);
  useEffect(() => {
    fieldsRef.current = fields;
  });

  useEffect(() => {
    groupsRef.current = groups;
    const model = editorRef.current?.getModel();
    if (!model) return;
    groupsByModel.set(model.uri.toString(), groups);
    setMarkers(model, groups);
  }, [groups]);

  // Undo or an import changes the body from outside: take that in. Echoes of our own edits arrive
  // late (Monaco's events are not React's) and must not be written back over newer typing.
  const emitted = useRef(value);
  useEffect(() => {
    const editor = editorRef.current;
    if (!editor || value === emitted.current) return;
    emitted.current = value;
    if (editor.getValue() !== value) editor.setValue(value);
  }, [value]);

  useEffect(
    () => () => {
      const model = editorRef.current?.getModel();
      if (model) groupsByModel.delete(model.uri.toString());
    },
    [],
  );

  const mount: OnMount = (editor) => {
    registerProviders();
    editorRef.current = editor;
    const model = editor.getModel()!;
    groupsByModel.set(model.uri.toString(), groupsRef.current);
    setMarkers(model, groupsRef.current);
    editor.onDidChangeModelContent(() => setMarkers(model, groupsRef.current));
    const insert = (name: string) => {
      const selection = editor.getSelection();
      if (!selection) return;
      editor.executeEdits('variables-panel', [{ range: selection, text: `{{${name}}}`, forceMoveMarkers: true }]);
      editor.focus();
    };
    // `@` opens the variable list as in every other field. As a trigger character alone it does
    // not: Monaco treats a lone symbol typed after a space as a quick-suggest case and skips it.
    editor.onDidChangeModelContent((e) => {
      if (!e.isUndoing && !e.isRedoing && e.changes.length === 1 && e.changes[0]!.text === '@') editor.trigger('variables', 'editor.action.triggerSuggest', {});
    });
    editor.onDidFocusEditorText(() => fieldsRef.current?.focused({ label, insert }));
    editor.onDidBlurEditorText(() => fieldsRef.current?.blurred());
  };

  return (
    <div className="overflow-hidden rounded-md border border-zinc-300" data-testid="json-code-editor">
      <Editor
        height="240px"
        language="json"
        defaultValue={value}
        onChange={(v) => {
          emitted.current = v ?? '';
          onChange(emitted.current);
        }}
        onMount={mount}
        options={{
          ariaLabel: label,
          minimap: { enabled: false },
          lineNumbers: 'on',
          lineNumbersMinChars: 3,
          folding: true,
          fontSize: 12.5,
          tabSize: 2,
          scrollBeyondLastLine: false,
          wordWrap: 'on',
          automaticLayout: true,
          fixedOverflowWidgets: true,
          renderLineHighlight: 'none',
          overviewRulerLanes: 0,
          // Headless Chromium drops typed spaces with EditContext; a textarea behaves everywhere.
          editContext: false,
          quickSuggestions: false,
          suggestOnTriggerCharacters: true,
        }}
      />
    </div>
  );
}
