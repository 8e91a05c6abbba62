import { CircleStop, Filter, Globe, ListChecks, MessageSquare, Play, StickyNote, type LucideIcon } from 'lucide-react';
import type { BlockType } from '../domain/flow/FlowDocument';

export const blockIcons: Record<BlockType, LucideIcon> = {
  start: Play,
  talk: MessageSquare,
  collect: ListChecks,
  filter: Filter,
  apiRequest: Globe,
  endCall: CircleStop,
  sticky: StickyNote,
};

/** Tailwind classes for the icon tile of each block type: colour tells types apart at a glance. */
export const blockTints: Record<BlockType, string> = {
  start: 'bg-emerald-100 text-emerald-700',
  talk: 'bg-sky-100 text-sky-700',
  collect: 'bg-indigo-100 text-indigo-700',
  filter: 'bg-amber-100 text-amber-700',
  apiRequest: 'bg-accent-soft text-accent',
  endCall: 'bg-rose-100 text-rose-700',
  sticky: 'bg-yellow-100 text-yellow-700',
};
