// curlconverter's bash tokenizer imports `./Parser.js`, which in Node loads native tree-sitter.
// In the browser vite.config.ts points that import here: the same parser from WebAssembly, with
// both .wasm files bundled (and fetched only when someone imports a cURL command).
import Parser from 'web-tree-sitter';
import treeSitterWasm from 'web-tree-sitter/tree-sitter.wasm?url';
import bashWasm from 'tree-sitter-bash/tree-sitter-bash.wasm?url';

await Parser.init({ locateFile: () => treeSitterWasm });
const bash = await Parser.Language.load(bashWasm);
const parser = new Parser();
parser.setLanguage(bash);

export default parser;
