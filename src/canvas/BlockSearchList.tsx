import { Command } from 'cmdk';
import type { BlockDefinition } from '../domain/blocks/BlockDefinition';
import type { Stage } from '../domain/flow/FlowDocument';
import { blockIcons, blockTints } from '../blocks/blockIcons';
import '../components/panels.css';

export interface PickerSection {
  heading: string;
  stage: Stage;
  blocks: BlockDefinition[];
}

/**
 * Every typed word must appear in the block's name, category or description; a name that starts
 * with the search ranks first. (cmdk's default fuzzy match finds "tal" in nearly every description.)
 */
function matchBlock(_value: string, search: string, keywords: string[] = []): number {
  const haystack = keywords.join(' ').toLowerCase();
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.every((w) => haystack.includes(w))) return 0;
  return keywords[0]?.toLowerCase().startsWith(search.trim().toLowerCase()) ? 1 : 0.5;
}

/** The searchable, keyboard-driven list inside the add-block picker (cmdk: loaded on first open). */
export default function BlockSearchList({ sections, choose }: { sections: PickerSection[]; choose(definition: BlockDefinition, stage: Stage): void }) {
  return (
    <Command label="Add block" loop filter={matchBlock}>
      <Command.Input
        autoFocus
        placeholder="Search blocks…"
        className="w-full border-b border-zinc-100 px-3 py-2.5 text-[13px] outline-none placeholder:text-zinc-400"
      />
      <Command.List className="max-h-[360px] overflow-y-auto p-1.5">
        <Command.Empty className="px-2 py-6 text-center text-zinc-500">No block matches. Try “api” or “talk”.</Command.Empty>
        {sections.map((section) => (
          <Command.Group
            key={section.heading}
            heading={section.heading}
            className="[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:text-[11px] [&_[cmdk-group-heading]]:font-semibold [&_[cmdk-group-heading]]:uppercase [&_[cmdk-group-heading]]:tracking-wide [&_[cmdk-group-heading]]:text-zinc-400"
          >
            {section.blocks.map((definition) => {
              const Icon = blockIcons[definition.type];
              return (
                <Command.Item
                  key={`${section.stage}:${definition.type}`}
                  value={`${section.stage}:${definition.type}`}
                  keywords={[definition.label, definition.category ?? '', definition.description]}
                  onSelect={() => choose(definition, section.stage)}
                  className="flex cursor-default items-center gap-2.5 rounded-lg px-2 py-1.5 data-[selected=true]:bg-accent-soft"
                >
                  <span className={`flex h-7 w-7 shrink-0 items-center justify-center rounded-md ${blockTints[definition.type]}`}>
                    <Icon size={15} aria-hidden />
                  </span>
                  <span className="min-w-0">
                    <span className="block text-[13px] font-medium text-zinc-900">{definition.label}</span>
                    <span className="block truncate text-[11px] text-zinc-500">{definition.description}</span>
                  </span>
                </Command.Item>
              );
            })}
          </Command.Group>
        ))}
      </Command.List>
    </Command>
  );
}
