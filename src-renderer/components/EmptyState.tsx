/** The centred grey sentence a pane shows when it has nothing to show yet. */
export function EmptyState({ text, testId }: { text: string; testId?: string }) {
  return (
    <div className="empty-state" data-testid={testId}>
      {text}
    </div>
  );
}
