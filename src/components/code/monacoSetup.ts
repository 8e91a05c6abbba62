// Monaco, bundled with the app (users and CI may be offline): the slim editor, the features a JSON
// body needs, and the JSON language. This module is only reached through a lazy import.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/suggest/register';
// The features entry registers only inline completions; the suggest widget itself comes from here.
import 'monaco-editor/editor/contrib/suggest/browser/suggestController';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/format/register';
import { jsonDefaults } from 'monaco-editor/language/json/monaco.contribution';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import JsonWorker from 'monaco-editor/language/json/json.worker?worker';
import { loader } from '@monaco-editor/react';

self.MonacoEnvironment = {
  getWorker: (_id: string, label: string) => (label === 'json' ? new JsonWorker() : new EditorWorker()),
};
// {{variable}} tokens are not JSON; the body is checked by our own validator (markers below).
jsonDefaults.setDiagnosticsOptions({ validate: false });
loader.config({ monaco });

export { monaco };
