import type { VariableInfo } from '../../domain/variables/availableVariables';

const SHORT = 120;

/** The hover card of a variable: its type and its value from the last test, shortened with a way to see all. */
export function variablePreview(name: string, info: VariableInfo | undefined): HTMLElement {
  const card = document.createElement('div');
  card.className = 'var-hover';
  const title = document.createElement('div');
  title.className = 'var-hover-title';
  title.textContent = info?.type ? `${name} · ${info.type}` : name;
  card.append(title);
  const line = document.createElement('div');
  line.className = 'var-hover-value';
  if (!info) line.textContent = 'Not available in this block.';
  else if (info.secret) line.textContent = 'Secret value (hidden).';
  else if (info.value === undefined)
    line.textContent =
      info.type === 'object' || info.type === 'array'
        ? `An ${info.type}: its fields are listed as variables of their own.`
        : 'No test value yet: send a test request from its block’s Test step.';
  else {
    const full = typeof info.value === 'string' ? info.value : JSON.stringify(info.value);
    line.textContent = full.length > SHORT ? `${full.slice(0, SHORT)}…` : full;
    if (full.length > SHORT) {
      const more = document.createElement('button');
      more.type = 'button';
      more.className = 'var-hover-more';
      more.textContent = `Show all (${full.length} characters)`;
      more.addEventListener('mousedown', (e) => e.preventDefault());
      more.addEventListener('click', () => {
        line.textContent = full;
        line.classList.add('var-hover-full');
        more.remove();
      });
      card.append(line, more);
      return card;
    }
  }
  card.append(line);
  return card;
}
