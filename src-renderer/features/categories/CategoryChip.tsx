import { useCategories, categoryNamed } from '../../stores/categories-store.js';
import './categories.css';

/** A message's category, in its colour when it is one of the settings' categories, else as plain text. */
export function CategoryChip({ name, direction }: { name: string; direction: 'in' | 'out' }) {
  const color = useCategories((s) => categoryNamed(s.items, name, direction)?.color ?? null);
  return (
    <span className={`category-chip${color ? ` is-${color}` : ''}`} data-testid="category-chip">
      {name}
    </span>
  );
}
