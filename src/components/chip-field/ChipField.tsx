import { autocompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { Annotation, Compartment, EditorState, StateEffect, type Extension } from '@codemirror/state';
import {
  Decoration,
  EditorView,
  MatchDecorator,
  ViewPlugin,
  WidgetType,
  hoverTooltip,
  keymap,
  tooltips,
  placeholder as placeholderExt,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view';
import { variablePreview } from './variablePreview';
import { previewText } from './previewText';
import './chipField.css';
import { useEffect, useRef } from 'react';
import { findVariable, isAvailable, type VariableGroup } from '../../domain/variables/availableVariables';
import { tokenPattern } from '../../domain/variables/variableTokens';
import { useVariableFields } from './VariableFieldsContext';

export interface ChipFieldProps {
  /** The accessible name of the field. */
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  multiline?: boolean;
  invalid?: boolean;
  className?: string;
  id?: string;
}

const refresh = StateEffect.define<null>();
const external = Annotation.define<boolean>();

class ChipWidget extends WidgetType {
  constructor(
    readonly name: string,
    readonly invalid: boolean,
    readonly detail: string,
  ) {
    super();
  }
  eq(other: ChipWidget) {
    return other.name === this.name && other.invalid === this.invalid && other.detail === this.detail;
  }
  toDOM() {
    const chip = document.createElement('span');
    chip.className = this.invalid ? 'var-chip var-chip-invalid' : 'var-chip';
    chip.textContent = this.invalid ? `⚠ ${this.name}` : this.name;
    chip.dataset.variable = this.name;
    chip.setAttribute('role', 'button');
    chip.setAttribute('aria-label', this.invalid ? `Invalid variable ${this.name}` : `Variable ${this.name}`);
    chip.title = this.invalid
      ? `“${this.name}” is not available in this block. Click to replace it.`
      : `${this.name}${this.detail}. Click to go to its source.`;
    return chip;
  }
  ignoreEvent() {
    return false;
  }
}

/**
 * A text field whose {{variable}} tokens show as chips, built on CodeMirror 6: the text stays
 * plain (what is stored is what is typed), chips are atomic for the caret and for deletion,
 * and `@` or `{{` opens CodeMirror's accessible completion list at the caret.
 */
export function ChipField({ label, value, onChange, placeholder, multiline, invalid, className = '', id }: ChipFieldProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const fields = useVariableFields();
  // The editor is created once; these refs let its extensions see the latest props.
  const latest = useRef({ onChange, fields, label });
  useEffect(() => {
    latest.current = { onChange, fields, label };
  });
  const attributes = useRef(new Compartment());
  // Every text this field has sent up and not yet seen come back. Echoes of our own edits arrive
  // late and out of step with typing (the store renders asynchronously, and a JSON field's value
  // makes a round trip through the body text): an echo of any of them, not only the latest,
  // must not be written back over what was typed since.
  const emitted = useRef<string[]>([value]);
  const attrs = (name: string) =>
    EditorView.contentAttributes.of({ 'aria-label': name, 'aria-multiline': multiline ? 'true' : 'false', ...(id ? { id } : {}) });

  useEffect(() => {
    const groups = () => latest.current.fields?.groups ?? [];
    const chips = new MatchDecorator({
      regexp: tokenPattern(),
      decoration: (m) => {
        const name = m[1]!;
        const found = findVariable(name, groups());
        const bad = !!latest.current.fields && !isAvailable(name, groups());
        return Decoration.replace({ widget: new ChipWidget(name, bad, found?.type ? ` · ${found.type}` : '') });
      },
    });
    const chipPlugin = ViewPlugin.fromClass(
      class {
        decorations: DecorationSet;
        constructor(v: EditorView) {
          this.decorations = chips.createDeco(v);
        }
        update(u: ViewUpdate) {
          if (u.transactions.some((t) => t.effects.some((e) => e.is(refresh)))) this.decorations = chips.createDeco(u.view);
          else this.decorations = chips.updateDeco(u, this.decorations);
        }
      },
      { decorations: (p) => p.decorations, provide: (p) => EditorView.atomicRanges.of((v) => v.plugin(p)?.decorations ?? Decoration.none) },
    );

    const complete = (ctx: CompletionContext): CompletionResult | null => {
      const m = ctx.matchBefore(/(@|\{\{)[\w.$-]*$/);
      if (!m) return null;
      const query = m.text.replace(/^(@|\{\{)/, '').toLowerCase();
      const options: Completion[] = [];
      // Sections ranked in the panel's order (nearest blocks first, then Call, Custom, Collect),
      // not CodeMirror's alphabetical default.
      groups().forEach((g, rank) => {
        const section = { name: g.title, rank };
        for (const v of g.variables) {
          if (query && !v.name.toLowerCase().includes(query) && !g.title.toLowerCase().includes(query)) continue;
          const value = previewText(v, 60);
          options.push({
            label: v.name,
            displayLabel: v.label,
            detail: [v.type && v.type !== 'string' ? v.type : '', v.secret ? 'secret' : '', value].filter(Boolean).join(' · ') || undefined,
            info: v.description,
            section,
            apply: `{{${v.name}}}`,
          });
        }
      });
      return { from: m.from, options, filter: false };
    };

    const chipAt = (v: EditorView, pos: number): string | null => tokenAt(v, pos)?.name ?? null;

    const tokenAt = (v: EditorView, pos: number): { name: string; from: number; to: number } | null => {
      const line = v.state.doc.lineAt(pos);
      for (const m of line.text.matchAll(tokenPattern())) {
        const from = line.from + m.index,
          to = from + m[0].length;
        if (pos >= from && pos <= to) return { name: m[1]!, from, to };
      }
      return null;
    };

    const extensions: Extension[] = [
      chipPlugin,
      // Hovering a chip shows its type and its value from the last test.
      hoverTooltip(
        (v, pos) => {
          const t = tokenAt(v, pos);
          if (!t) return null;
          return { pos: t.from, end: t.to, above: true, create: () => ({ dom: variablePreview(t.name, findVariable(t.name, groups())) }) };
        },
        { hoverTime: 250 },
      ),
      autocompletion({
        override: [complete],
        icons: false,
        activateOnTyping: true,
        interactionDelay: 0,
        activateOnTypingDelay: 0,
        tooltipClass: () => 'var-completion',
        maxRenderedOptions: 200,
      }),
      // Popups live on the page, not inside the panel that scrolls and clips: the list stays whole
      // and CodeMirror keeps it inside the window.
      tooltips({ parent: document.body, position: 'fixed', tooltipSpace: () => ({ top: 8, left: 8, bottom: innerHeight - 8, right: innerWidth - 8 }) }),
      keymap.of([
        {
          key: 'Enter',
          run: (v) => {
            const name = chipAt(v, v.state.selection.main.head);
            if (name) {
              latest.current.fields?.activate(name);
              return true;
            }
            return !multiline;
          },
        },
        {
          key: 'Space',
          run: (v) => {
            // Space on a chip (caret right after it, nothing selected) jumps like a click.
            const head = v.state.selection.main;
            if (!head.empty || v.state.sliceDoc(head.head - 2, head.head) !== '}}') return false;
            const name = chipAt(v, head.head);
            if (!name) return false;
            latest.current.fields?.activate(name);
            return true;
          },
        },
      ]),
      EditorView.updateListener.of((u) => {
        if (!u.docChanged || u.transactions.some((t) => t.annotation(external))) return;
        const text = u.state.doc.toString();
        emitted.current.push(text);
        if (emitted.current.length > 50) emitted.current.splice(0, emitted.current.length - 50);
        latest.current.onChange(text);
      }),
      EditorView.domEventHandlers({
        mousedown: (e) => {
          const chip = (e.target as HTMLElement).closest<HTMLElement>('.var-chip');
          if (!chip?.dataset.variable) return false;
          e.preventDefault();
          latest.current.fields?.activate(chip.dataset.variable);
          return true;
        },
        focus: () => {
          latest.current.fields?.focused({ label: latest.current.label, insert: (name) => insert(name) });
          return false;
        },
        blur: () => {
          latest.current.fields?.blurred();
          return false;
        },
      }),
      attributes.current.of(attrs(label)),
      ...(placeholder ? [placeholderExt(placeholder)] : []),
      ...(multiline
        ? [EditorView.lineWrapping]
        : [
            // One line: pasted line breaks become spaces.
            EditorState.transactionFilter.of((tr) =>
              tr.docChanged && tr.newDoc.lines > 1
                ? [tr, { changes: { from: 0, to: tr.newDoc.length, insert: tr.newDoc.toString().replace(/\r?\n/g, ' ') }, sequential: true }]
                : tr,
            ),
          ]),
    ];
    const editor = new EditorView({ parent: host.current!, state: EditorState.create({ doc: value, extensions }) });
    view.current = editor;
    function insert(name: string) {
      const { from, to } = editor.state.selection.main;
      const text = `{{${name}}}`;
      editor.dispatch({ changes: { from, to, insert: text }, selection: { anchor: from + text.length }, userEvent: 'input' });
      editor.focus();
    }
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor lives as long as the field; props reach it through `latest` and the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Only a change made elsewhere (undo, import, a row edited) is written into the editor. Our own
  // edits come back later (CodeMirror's input events are not React events, so the store update
  // renders asynchronously): writing such a stale echo back would eat the keys typed meanwhile.
  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const echo = emitted.current.lastIndexOf(value);
    if (echo >= 0) {
      // Our own edit coming back: those before it are acknowledged too.
      emitted.current.splice(0, echo);
      return;
    }
    emitted.current = [value];
    if (v.state.doc.toString() !== value) v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: value }, annotations: external.of(true) });
  }, [value]);

  // A JSON field's label follows its key as the key is typed.
  useEffect(() => {
    view.current?.dispatch({ effects: attributes.current.reconfigure(attrs(label)) });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [label]);

  // Chips turn red or back when what is available changes (a block deleted, a route changed).
  const groupsKey = fields?.groupsKey;
  useEffect(() => {
    view.current?.dispatch({ effects: refresh.of(null) });
  }, [groupsKey]);

  return (
    <div
      ref={host}
      data-invalid={invalid || undefined}
      className={`chip-field w-full rounded-md border bg-white text-[13px] transition focus-within:border-accent focus-within:ring-2 focus-within:ring-accent/15 ${invalid ? 'border-rose-400' : 'border-zinc-300'} ${multiline ? 'chip-field-multi' : ''} ${className}`}
    />
  );
}

export type { VariableGroup };
