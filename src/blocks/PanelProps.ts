/** What every block's settings panel receives. `field` groups keystrokes into one undo step. */
export interface PanelProps<D> {
  id: string;
  data: D;
  update(patch: Partial<D>, field?: string): void;
}
